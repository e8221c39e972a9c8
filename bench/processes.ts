import { execFileSync, spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { FragmentCost } from "./fragment-cost.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** A benchmark server process; stopped by its pid. */
export interface BenchServer {
  url: string;
  pid: number;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/**
 * Starts a benchmark server and resolves once it serves (bounded wait):
 * `["edgelit", storageFlag]` runs the counter app as users do, with
 * `edgelit start` (the compiled CLI; `EDGELIT_FROM_SOURCE=1` in `env` runs the
 * TypeScript sources through tsx instead); anything else is passed to
 * bench/serve.ts (the limit). `root` is the checkout to serve from (another
 * build, for bench/compare.ts).
 */
export async function startBenchServer(
  args: string[],
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
  root = ROOT,
): Promise<BenchServer> {
  const [kind, storageFlag = "memory"] = args;
  const command =
    kind === "edgelit"
      ? [
          ...nodeArgs,
          resolve(root, "bin/edgelit.mjs"),
          "start",
          "bench/counter-app.ts",
          "--storage",
          storageFlag,
          "--port",
          "0",
          "--host",
          "127.0.0.1",
        ]
      : [
          ...nodeArgs,
          // "edgelit" (the counter app's import) is this checkout's sources, not its dist/.
          "--conditions=edgelit-source",
          "--import",
          "tsx",
          resolve(root, "bench/serve.ts"),
          ...args,
        ];
  const child = spawn(process.execPath, command, {
    cwd: root,
    // The load comes from one address at thousands of events a second: no per-client limits.
    env: {
      ...process.env,
      EDGELIT_RATE_LIMIT_REQUESTS_PER_SECOND: "0",
      EDGELIT_RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const deadline = Date.now() + 20_000;
  let url: string | undefined;
  while (!(url = output.match(/serving (?:\S+ )?at (http:\/\/\S+)/)?.[1])) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`bench server did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return {
    url,
    pid: child.pid!,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(child.pid!, "SIGTERM");
      const timer = setTimeout(
        () => child.exitCode === null && process.kill(child.pid!, "SIGKILL"),
        5000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}

/** user + system CPU seconds of a Linux process, from /proc. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** What bench/in-process.ts measures. */
export interface InProcessFigures {
  cpu: { cpuMsPerEvent: number; wallMsPerEvent: number };
  fragment: FragmentCost;
  rerunMicroseconds: number;
}

/**
 * Runs bench/in-process.ts compiled, as users run edgelit: bundled by esbuild
 * (npm packages left as imports) and run by plain Node in its own process.
 */
export async function measureInProcess(quick: boolean): Promise<InProcessFigures> {
  // Inside the repository, so the bundle's npm imports resolve from its node_modules.
  const bundle = join(ROOT, `bench/.in-process-${process.pid}.mjs`);
  try {
    await build({
      entryPoints: [join(ROOT, "bench/in-process.ts")],
      outfile: bundle,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      alias: { edgelit: join(ROOT, "src/index.ts") },
      logLevel: "warning",
    });
    const output = execFileSync(process.execPath, [bundle, ...(quick ? ["--quick"] : [])], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 300_000,
    });
    return JSON.parse(output.trim().split("\n").at(-1)!) as InProcessFigures;
  } finally {
    rmSync(bundle, { force: true });
  }
}
