// `npm run bench:cold-start -- [<git ref>] [--runs 7] [--threads 2] [--node 22|24] [--js]`
// Cold start as users get it: the checkout packed by `npm pack` and installed into a fresh
// `npm init -y` project, whose `npx edgelit start app.ts --storage memory` serves the bench's
// counter app (TypeScript). For each start: milliseconds from spawn to the first event answered
// in full, the CPU the process spent until then, and its resident memory once idle after that
// event (every thread of the process). With a <git ref>, that commit is packed too and the two
// start alternately, round after round (one sitting), with scripts in the HTTP thread
// (`--threads 0`) and with a pool of `--threads` script threads (default 2). `--js` serves the
// same app as app.mjs (its source is JavaScript too).
import { transformSync } from "esbuild";
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { installTarball, packTarball } from "../test/helpers/pack-setup.ts";
import { NODE_RELEASES, nodeBinary } from "../test/helpers/node-binaries.ts";
import { tempDir } from "../test/helpers/processes.ts";
import { Tab } from "./load.ts";

const ROOT = resolve(import.meta.dirname, "..");
/** How long the server sits idle after its first event before its memory is read. */
const IDLE_MS = 1000;

/** One start: time to the first event, CPU spent by then, memory once idle. */
export interface ColdStart {
  firstEventMs: number;
  cpuMs: number;
  idleRssMiB: number;
}

/** A project with edgelit installed from a tarball packed from `root`, serving the bench app. */
export function installedBenchProject(root: string): { path: string; remove(): void } {
  const work = tempDir("edgelit-cold-start-");
  const project = join(work.path, "project");
  installTarball(packTarball(work.path, root), project);
  copyFileSync(join(ROOT, "bench/counter-app.ts"), join(project, "app.ts"));
  // The same app as JavaScript: its types stripped, as a build step would.
  const source = readFileSync(join(ROOT, "bench/counter-app.ts"), "utf8");
  writeFileSync(join(project, "app.mjs"), transformSync(source, { loader: "ts" }).code);
  return { path: project, remove: work.remove };
}

/** CPU (user + system) the process `pid` has used, all threads, in ms. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of stat, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of the process `pid`, in MiB. */
function rssMiBOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

/** Spawns `node args` in `cwd` and measures it from spawn to its first event answered, then idle. */
export async function startToFirstEvent(
  cwd: string,
  args: string[],
  node = process.execPath,
): Promise<ColdStart> {
  const started = performance.now();
  const child = spawn(node, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  try {
    const deadline = Date.now() + 60_000;
    let url: string | undefined;
    while (!(url = output.match(/(?:serving at|serving \S+ at) (http:\/\/\S+)/)?.[1])) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`no server after 60 s:\n${output}`);
      await new Promise((done) => setTimeout(done, 2));
    }
    const answer = await new Tab(url).load();
    const firstEventMs = performance.now() - started;
    const cpuMs = cpuMsOf(child.pid!);
    if (!answer.body.includes('"type":"finish"'))
      throw new Error(`the first event failed:\n${output}`);
    await new Promise((done) => setTimeout(done, IDLE_MS));
    return { firstEventMs, cpuMs, idleRssMiB: rssMiBOf(child.pid!) };
  } finally {
    // A start that failed has exited already: its error, not the kill's, is the one to see.
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, "SIGKILL");
  }
}

/** `edgelit start <app>` in an installed project, with `threads` script threads. */
function edgelitStart(
  project: string,
  threads: number,
  node?: string,
  app = "app.ts",
): Promise<ColdStart> {
  return startToFirstEvent(
    project,
    [
      "node_modules/edgelit/bin/edgelit.mjs",
      "start",
      app,
      "--storage",
      "memory",
      "--port",
      "0",
      "--threads",
      String(threads),
    ],
    node,
  );
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Median of `runs` cold starts of `edgelit start` (installed from this checkout, `threads: 0`)
 * and of the bare limit server (bench/serve.ts, from the sources).
 */
export async function measureColdStart(
  runs = 5,
): Promise<{ edgelitMs: number; limitMs: number; idleRssMiB: number }> {
  const project = installedBenchProject(ROOT);
  try {
    const edgelit: ColdStart[] = [];
    const limit: number[] = [];
    for (let i = 0; i < runs; i++) {
      edgelit.push(await edgelitStart(project.path, 0));
      const bare = await startToFirstEvent(ROOT, [
        "--conditions=edgelit-source",
        "--import",
        "tsx",
        "bench/serve.ts",
        "limit",
        "memory",
      ]);
      limit.push(bare.firstEventMs);
    }
    return {
      edgelitMs: median(edgelit.map((start) => start.firstEventMs)),
      limitMs: median(limit),
      idleRssMiB: median(edgelit.map((start) => start.idleRssMiB)),
    };
  } finally {
    project.remove();
  }
}

// --- Run as a script ---

async function compareColdStarts(argv: string[]): Promise<void> {
  const ref = argv[0]?.startsWith("--") === false ? argv[0] : undefined;
  const flag = (name: string, fallback: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
  };
  const runs = Math.min(30, Number(flag("runs", "7")));
  const threads = Number(flag("threads", "2"));
  const release = flag("node", "");
  const node = release
    ? nodeBinary(NODE_RELEASES[Number(release) as keyof typeof NODE_RELEASES])
    : process.execPath;
  const app = argv.includes("--js") ? "app.mjs" : "app.ts";
  const nodeVersion = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();

  const builds: { name: string; project: { path: string; remove(): void } }[] = [];
  const other = ref ? tempDir("edgelit-cold-start-ref-") : undefined;
  try {
    console.log("packing and installing this checkout…");
    builds.push({ name: "this checkout", project: installedBenchProject(ROOT) });
    if (ref && other) {
      console.log(`packing and installing ${ref}…`);
      execFileSync("git", ["worktree", "add", "--detach", other.path, ref], {
        cwd: ROOT,
        stdio: "ignore",
      });
      symlinkSync(join(ROOT, "node_modules"), join(other.path, "node_modules"));
      builds.push({ name: ref, project: installedBenchProject(other.path) });
    }
    const results = new Map<string, ColdStart[]>();
    for (let round = 0; round < runs; round++)
      for (const pool of [0, threads])
        for (const build of builds) {
          const key = `${build.name}|${pool}`;
          const start = await edgelitStart(build.project.path, pool, node, app);
          results.set(key, [...(results.get(key) ?? []), start]);
        }
    console.log(
      `\nedgelit start ${app} --storage memory (bench/counter-app.ts, installed from npm pack), Node ${nodeVersion}, median of ${runs} alternating starts:\n`,
    );
    console.log("| build | threads | spawn to first event | CPU to first event | idle RSS |");
    console.log("| ----- | ------- | -------------------- | ------------------ | -------- |");
    for (const pool of [0, threads])
      for (const build of builds) {
        const starts = results.get(`${build.name}|${pool}`)!;
        const ms = median(starts.map((s) => s.firstEventMs)).toFixed(0);
        const cpu = median(starts.map((s) => s.cpuMs)).toFixed(0);
        const rss = median(starts.map((s) => s.idleRssMiB)).toFixed(1);
        console.log(`| ${build.name} | ${pool} | ${ms} ms | ${cpu} ms | ${rss} MiB |`);
      }
  } finally {
    for (const build of builds) build.project.remove();
    if (ref && other) {
      execFileSync("git", ["worktree", "remove", "--force", other.path], {
        cwd: ROOT,
        stdio: "ignore",
      });
      other.remove();
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await compareColdStarts(process.argv.slice(2));
