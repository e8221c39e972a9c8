// `npm run bench:compare -- <git ref> [--store memory|redis] [--tabs 10] [--seconds 3] [--rounds 5] [--from-source]`
// `npm run bench:compare -- [<git ref>] --threads [N] [--store memory|redis] ...`
// Before and after for one change: serves the bench app from this checkout and
// from <ref> (checked out into a temporary git worktree), alternately, round
// after round under the same load, with the limit beside them. On a shared,
// noisy machine only builds measured in one sitting compare; the medians do.
// `--from-source` adds this checkout run from its TypeScript sources (tsx).
// `--threads [N]` compares scripts in the HTTP thread (`threads: 0`) with N
// script threads (default: one per core, at least two), both in this
// checkout, and <ref>, if given, with N threads.
// Each line also gives the server's wake-ups per event: the times one of its
// threads went to sleep and was woken (voluntary context switches, every
// thread of the process, from /proc), which is what a handoff between
// threads costs besides its CPU.
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startRedis } from "../test/helpers/processes.ts";
import { measureWire } from "./event-loop.ts";
import { runLoad } from "./load.ts";
import { startBenchServer, type BenchServer } from "./processes.ts";

const ROOT = resolve(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const threadsMode = argv.includes("--threads");
const ref = argv[0]?.startsWith("--") === false ? argv[0] : undefined;
const flags = ref ? argv.slice(1) : argv;
if (!threadsMode && !ref) {
  console.error(
    "usage: npm run bench:compare -- <git ref> | [<git ref>] --threads [N]  [--store memory|redis] [--tabs 10] [--seconds 3] [--rounds 5] [--from-source]",
  );
  process.exit(2);
}
const flag = (name: string, fallback: string) => {
  const at = flags.indexOf(`--${name}`);
  const value = flags[at + 1];
  return at >= 0 && value !== undefined && !value.startsWith("--") ? value : fallback;
};
const threadCount = flag("threads", String(Math.max(2, availableParallelism())));
const store = flag("store", "memory");
const tabs = Number(flag("tabs", "10"));
const seconds = Math.min(30, Number(flag("seconds", "3")));
const rounds = Math.min(20, Number(flag("rounds", "5")));

const other = mkdtempSync(join(tmpdir(), "edgelit-compare-"));
if (ref) {
  execFileSync("git", ["worktree", "add", "--detach", other, ref], { cwd: ROOT, stdio: "ignore" });
  symlinkSync(join(ROOT, "node_modules"), join(other, "node_modules"));
  // The load posts events and never loads the page: this checkout's built client spares <ref> a
  // build on its first start, which can outlast the start limit on a loaded machine.
  if (existsSync(join(ROOT, "dist-client")))
    cpSync(join(ROOT, "dist-client"), join(other, "dist-client"), { recursive: true });
}
const redis = store === "redis" ? await startRedis() : undefined;
const storageFlag = redis?.url ?? "memory";
const recordFile = join(other, "bench-record.json");
try {
  // The limit stores this checkout's record, as in `npm run bench`.
  const sizer = await startBenchServer(["edgelit", `fs:${join(other, ".sizer")}`]);
  const wire = await measureWire(sizer, async () => {
    const dir = join(other, ".sizer");
    const file = readdirSync(dir, { recursive: true, withFileTypes: true }).find(
      // The fs store names a session's file by its id, or by a hash of it (`h-<sha256>`).
      (entry) =>
        entry.isFile() &&
        /[/\\]session$/.test(entry.parentPath) &&
        /^(?:[0-9a-f]{32}(?:[0-9a-f]{24})?|h-[0-9a-f]{64})$/.test(entry.name),
    );
    return readFileSync(join(file!.parentPath, file!.name), "utf8");
  });
  await sizer.stop();
  writeFileSync(recordFile, wire.record);

  type Variant = [string, () => Promise<BenchServer>];
  const threads = (count: string) => ({ EDGELIT_THREADS: count });
  const builds: Variant[] = !threadsMode
    ? [
        [ref!, () => startBenchServer(["edgelit", storageFlag], [], {}, other)],
        ["this checkout", () => startBenchServer(["edgelit", storageFlag])],
      ]
    : [
        ...(ref
          ? [
              [
                `${ref}, threads ${threadCount}`,
                () => startBenchServer(["edgelit", storageFlag], [], threads(threadCount), other),
              ] satisfies Variant,
            ]
          : []),
        ...["0", threadCount].map((count): Variant => [
          `threads ${count}`,
          () => startBenchServer(["edgelit", storageFlag], [], threads(count)),
        ]),
      ];
  const variants: Variant[] = [
    ...builds,
    ["limit", () => startBenchServer(["limit", storageFlag, recordFile, String(wire.clickBody)])],
  ];
  if (flags.includes("--from-source")) {
    variants.splice(2, 0, [
      "this checkout, from source",
      () => startBenchServer(["edgelit", storageFlag], [], { EDGELIT_FROM_SOURCE: "1" }),
    ]);
  }
  const results = new Map<
    string,
    { eventsPerSecond: number; cpuMs: number; rssMb: number; wakeUps: number }[]
  >();
  for (let round = 1; round <= rounds; round++) {
    for (const [name, start] of variants) {
      const server = await start();
      try {
        let cpuBefore = 0;
        let wakeUpsBefore = 0;
        // A fresh server: let the JIT settle first, as it has in a server that has run a while.
        const load = await runLoad(server.url, tabs, seconds, {
          warmUpMs: 2000,
          onTimed: () => {
            cpuBefore = server.cpuSeconds();
            wakeUpsBefore = wakeUpsOf(server.pid);
          },
        });
        if (load.errors) throw new Error(`${name}: ${load.errors} events failed`);
        const cpuMs = ((server.cpuSeconds() - cpuBefore) * 1000) / load.events;
        const wakeUps = (wakeUpsOf(server.pid) - wakeUpsBefore) / load.events;
        const rssMb = rssMbOf(server.pid);
        results.set(name, [
          ...(results.get(name) ?? []),
          { eventsPerSecond: load.eventsPerSecond, cpuMs, rssMb, wakeUps },
        ]);
        console.log(
          `round ${round}: ${name}: ${load.eventsPerSecond.toFixed(0)} ev/s, ${cpuMs.toFixed(3)} ms CPU per event, ${wakeUps.toFixed(2)} wake-ups per event, ${rssMb.toFixed(0)} MB RSS`,
        );
      } finally {
        await server.stop();
      }
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const limitRate = median(results.get("limit")!.map((r) => r.eventsPerSecond));
  console.log(`\n${store} store, ${tabs} tabs, ${rounds} rounds of ${seconds} s; medians:`);
  for (const [name, rows] of results) {
    const rate = median(rows.map((r) => r.eventsPerSecond));
    console.log(
      `  ${name}: ${rate.toFixed(0)} ev/s (${(rate / limitRate).toFixed(2)} of the limit), ${median(rows.map((r) => r.cpuMs)).toFixed(3)} ms CPU per event, ${median(rows.map((r) => r.wakeUps)).toFixed(2)} wake-ups per event, ${median(rows.map((r) => r.rssMb)).toFixed(0)} MB RSS after the load`,
    );
  }
} finally {
  await redis?.stop();
  if (ref)
    execFileSync("git", ["worktree", "remove", "--force", other], { cwd: ROOT, stdio: "ignore" });
  rmSync(other, { recursive: true, force: true });
}

/**
 * How many times the threads of a Linux process have gone to sleep and been woken so far
 * (voluntary context switches, summed over /proc/<pid>/task). A thread that ended is no
 * longer counted, which a server under load does not do.
 */
function wakeUpsOf(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const status = readFileSync(`/proc/${pid}/task/${task}/status`, "utf8");
      total += Number(status.match(/^voluntary_ctxt_switches:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return total;
}

/** The resident set of a Linux process (every thread of it), in MB, from /proc. */
function rssMbOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : Number.NaN;
}
