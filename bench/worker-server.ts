// Helpers of the workerd benches (bench/worker-load.ts, bench/worker-profile.ts): the counter app
// bundled as a Worker by wrangler, and served by workerd in a process of its own.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { bundleWorker, COMPATIBILITY_DATE } from "../test/helpers/worker.ts";
import { cpuSecondsOf, type BenchServer } from "./processes.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** Bundles bench/counter-worker.ts with wrangler into `outDir`; returns the bundle's path. */
export function bundleCounterWorker(outDir: string, minify = true): string {
  const config = join(outDir, "wrangler.toml");
  writeFileSync(
    config,
    `name = "edgelit-bench"\nmain = ${JSON.stringify(resolve(ROOT, "bench/counter-worker.ts"))}\ncompatibility_date = "${COMPATIBILITY_DATE}"\nminify = ${minify}\n`,
  );
  return bundleWorker(join(outDir, "bundle"), config);
}

/** A server under load: its URL, and the CPU seconds of the process that serves. */
export interface Served extends BenchServer {
  /** CPU seconds of Miniflare's Node process (workerd's parent), for workerd variants. */
  hostCpuSeconds?: () => number;
}

/** Starts bench/worker-serve.ts and resolves once workerd serves (bounded wait). */
export async function startWorkerServer(
  bundle: string,
  store: string,
  path: "direct" | "entry" = "direct",
  inspectorPort?: number,
  bindings: Record<string, string> = {},
): Promise<Served> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      resolve(ROOT, "bench/worker-serve.ts"),
      bundle,
      store,
      path,
      ...(inspectorPort ? [String(inspectorPort)] : []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, BENCH_BINDINGS: JSON.stringify(bindings) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const deadline = Date.now() + 60_000;
  let match: RegExpMatchArray | null;
  while (!(match = output.match(/serving at (http:\/\/\S+) workerd (\d+)/))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill("SIGKILL");
      throw new Error(`workerd did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  const workerd = Number(match[2]);
  return {
    url: match[1]!,
    pid: workerd,
    cpuSeconds: () => cpuSecondsOf(workerd),
    hostCpuSeconds: () => cpuSecondsOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(child.pid!, "SIGTERM");
      const timer = setTimeout(
        () => child.exitCode === null && process.kill(child.pid!, "SIGKILL"),
        10_000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}

/** System-mode CPU seconds of a Linux process (its time in the kernel: I/O, fsync), from /proc. */
export function systemSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[12]) / 100;
}
