// `npx tsx --conditions=edgelit-source bench/lone-user.ts [--store memory|redis] [--quick] [--cpu-prof DIR]`
// One tab clicking at a low rate: CPU per event of `edgelit start` (compiled)
// with clicks 1 s, 200 ms and 20 ms apart, and back to back, and what the
// process burns with no event at all. CPU is read from /proc per thread, in
// nanoseconds (schedstat), so the main thread's share and V8's helper
// threads' (compilers, GC) show apart.
import { readdirSync, readFileSync } from "node:fs";
import { startRedis } from "../test/helpers/processes.ts";
import { Tab } from "./load.ts";
import { startBenchServer } from "./processes.ts";

/** CPU nanoseconds of each thread of a process, by the thread's name. */
export function cpuByThread(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      // Node names its helper threads after the process ("node"): the main thread is the pid's.
      const group = tid === String(pid) ? "main" : `${name}:${tid}`;
      byName.set(group, (byName.get(group) ?? 0) + ns);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return byName;
}

/** user and system CPU seconds of a process (every thread), from /proc (10 ms ticks). */
function userAndSystem(pid: number): [number, number] {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return [Number(fields[11]) / 100, Number(fields[12]) / 100];
}

function subtract(after: Map<string, number>, before: Map<string, number>): Map<string, number> {
  const delta = new Map<string, number>();
  for (const [name, ns] of after) delta.set(name, ns - (before.get(name) ?? 0));
  return delta;
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** One spacing's figures. */
export interface SpacingFigures {
  spacingMs: number;
  events: number;
  cpuMsPerEvent: number;
  /** The main thread's share of it (the rest is V8's compiler and GC threads, libuv). */
  mainMsPerEvent: number;
  /** CPU per event once the idle burn of the same wall time is taken off. */
  cpuMsPerEventWithoutIdle: number;
  p50Ms: number;
  threads: Map<string, number>;
  /** The kernel's share (system time) of the CPU per event, from 10 ms ticks. */
  systemMsPerEvent: number;
}

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const quick = argv.includes("--quick");
const storeName = option("store") ?? "memory";
const profileDir = option("cpu-prof");
// More flags for the server's Node, as one string ("--trace-gc --max-semi-space-size=8").
const nodeArgs = option("node-args")?.split(" ").filter(Boolean) ?? [];
const redis = storeName === "redis" ? await startRedis() : undefined;
// `--limit`: the bare h3 handler of `npm run bench` instead, for what any Node server pays.
const server = await startBenchServer(
  [argv.includes("--limit") ? "limit" : "edgelit", redis?.url ?? "memory"],
  [...nodeArgs, ...(profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [])],
);
try {
  const tab = new Tab(server.url);
  await tab.load();
  // Warm the JIT as a server that has served a while would be.
  const warmUntil = performance.now() + 2000;
  while (performance.now() < warmUntil) await tab.click();

  // The process alone: what timers and helper threads burn per second with no event.
  const idleSeconds = quick || option("only") !== undefined ? 3 : 10;
  const idleBefore = cpuByThread(server.pid);
  await sleep(idleSeconds * 1000);
  const idle = subtract(cpuByThread(server.pid), idleBefore);
  const idleNsPerSecond = sum(idle.values()) / idleSeconds;

  const plan: [number, number][] = quick
    ? [
        [1000, 5],
        [200, 20],
        [20, 100],
        [0, 1000],
      ]
    : [
        [1000, 30],
        [200, 100],
        [20, 300],
        [0, 3000],
      ];
  // `--burst <ms>`: after each pause of <ms>, five clicks back to back; the
  // main thread's CPU of each click by its place in the burst (is it the first
  // event after a pause that costs, or every spaced event?).
  const burstGap = option("burst");
  if (burstGap !== undefined) {
    const bursts = Number(option("events") ?? 40);
    const byPlace: number[][] = [[], [], [], [], []];
    const mainNs = () =>
      Number(
        readFileSync(`/proc/${server.pid}/task/${server.pid}/schedstat`, "utf8").split(" ")[0],
      );
    for (let b = 0; b < bursts; b++) {
      await sleep(Number(burstGap));
      for (const place of byPlace) {
        const before = mainNs();
        await tab.click();
        place.push((mainNs() - before) / 1e6);
      }
    }
    const medianOf = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    console.log(
      `pause ${burstGap} ms, ${bursts} bursts; main thread ms per click by place (median): ${byPlace.map((place) => medianOf(place).toFixed(3)).join(", ")}`,
    );
    plan.splice(0, plan.length);
  }
  // `--only <ms>`: that spacing alone (for a profile of it), 100 events.
  const only = option("only");
  if (only !== undefined)
    plan.splice(0, plan.length, [Number(only), Number(option("events") ?? 100)]);
  const rows: SpacingFigures[] = [];
  for (const [spacingMs, events] of plan) {
    const latencies: number[] = [];
    const before = cpuByThread(server.pid);
    const [, systemBefore] = userAndSystem(server.pid);
    const started = performance.now();
    for (let i = 0; i < events; i++) {
      const sent = performance.now();
      const answer = await tab.click();
      if (answer.status !== 200 || !answer.body.includes('"type":"finish"'))
        throw new Error(`click ${i} failed: ${answer.status} ${answer.body.slice(0, 200)}`);
      latencies.push(performance.now() - sent);
      // Spaced from one send to the next, as a user clicking at that rate.
      if (spacingMs) await sleep(Math.max(0, sent + spacingMs - performance.now()));
    }
    const wallSeconds = (performance.now() - started) / 1000;
    const threads = subtract(cpuByThread(server.pid), before);
    const systemSeconds = userAndSystem(server.pid)[1] - systemBefore;
    const totalNs = sum(threads.values());
    latencies.sort((a, b) => a - b);
    rows.push({
      spacingMs,
      events,
      cpuMsPerEvent: totalNs / 1e6 / events,
      mainMsPerEvent: (threads.get("main") ?? 0) / 1e6 / events,
      cpuMsPerEventWithoutIdle: (totalNs - idleNsPerSecond * wallSeconds) / 1e6 / events,
      p50Ms: latencies[Math.floor(latencies.length / 2)]!,
      threads,
      systemMsPerEvent: (systemSeconds * 1000) / events,
    });
  }

  console.log(
    `${storeName} store, one tab; idle: ${(idleNsPerSecond / 1e6).toFixed(3)} ms CPU per second (${[
      ...idle,
    ]
      .filter(([, ns]) => ns > 0)
      .map(([name, ns]) => `${name} ${(ns / 1e6 / idleSeconds).toFixed(3)}`)
      .join(", ")})`,
  );
  console.log(
    "| clicks apart | events | CPU ms/ev | of it system | main thread ms/ev | without idle ms/ev | p50 ms | other threads ms/ev |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows) {
    const others = [...row.threads]
      .filter(([name, ns]) => name !== "main" && ns / 1e6 / row.events >= 0.005)
      .map(([name, ns]) => `${name} ${(ns / 1e6 / row.events).toFixed(3)}`)
      .join(", ");
    console.log(
      `| ${row.spacingMs ? `${row.spacingMs} ms` : "back to back"} | ${row.events} | ${row.cpuMsPerEvent.toFixed(3)} | ${row.systemMsPerEvent.toFixed(3)} | ${row.mainMsPerEvent.toFixed(3)} | ${row.cpuMsPerEventWithoutIdle.toFixed(3)} | ${row.p50Ms.toFixed(2)} | ${others} |`,
    );
  }
} finally {
  await server.stop();
  await redis?.stop();
}
