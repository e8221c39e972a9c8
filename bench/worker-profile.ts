// `npx tsx --conditions=edgelit-source bench/worker-profile.ts [--store kv|do|memory|memory-slow] [--tabs 10] [--seconds 4] [--out dir] [--perf]`
// Where workerd's CPU goes under load: a CPU profile of every isolate in the workerd process
// (the app's Worker, and the store simulators Miniflare runs beside it) through the inspector
// (Chrome DevTools protocol), against the process's CPU read from /proc. Prints each isolate's
// busy time per event and the app's heaviest functions; with --out, writes the .cpuprofile files
// (open them in Chrome DevTools). With --perf, the inspector stays off and Linux perf samples
// workerd's whole process instead (CPU time, every thread, native frames included), grouped by
// bench/perf-groups.ts: what SQLite, fsync and Miniflare's files cost beside the JavaScript.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import WebSocket from "ws";
import { tempDir } from "../test/helpers/processes.ts";
import { runLoad } from "./load.ts";
import { perfGroups } from "./perf-groups.ts";
import { bundleCounterWorker, startWorkerServer } from "./worker-server.ts";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
};
const store = flag("store", "kv");
const tabs = Number(flag("tabs", "10"));
const seconds = Math.min(30, Number(flag("seconds", "4")));
const outDir = flag("out", "");
const withPerf = argv.includes("--perf");

/** One node of a V8 CPU profile, as Profiler.stop returns it. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A DevTools protocol session with one isolate. */
class InspectorSession {
  #next = 1;
  #pending = new Map<number, (result: unknown) => void>();
  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (message.id !== undefined) this.#pending.get(message.id)?.(message.result);
    });
  }

  static async open(url: string): Promise<InspectorSession> {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    return new InspectorSession(socket);
  }

  send<T>(method: string, params: object = {}): Promise<T> {
    const id = this.#next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.#pending.set(id, resolve as (result: unknown) => void));
  }

  close(): void {
    this.socket.close();
  }
}

const inspectorPort = 20_000 + Math.floor(Math.random() * 20_000);
const out = tempDir("edgelit-worker-profile-");
const bundle = bundleCounterWorker(out.path, false);
const server = await startWorkerServer(
  bundle,
  store,
  "direct",
  withPerf ? undefined : inspectorPort,
);
try {
  if (withPerf) await profileWithPerf();
  else await profileIsolates();
} finally {
  await server.stop();
  out.remove();
}

/** perf over workerd's process during the timed part; prints CPU per event by group. */
async function profileWithPerf(): Promise<void> {
  const dataFile = join(out.path, "perf.data");
  let recorded: Promise<void> | undefined;
  const load = await runLoad(server.url, tabs, seconds, {
    warmUpMs: 2000,
    onTimed: () => {
      const perf = spawn(
        "perf",
        ["record", "-F", "999", "-e", "cpu-clock", "-g", "-p", String(server.pid), "-o", dataFile],
        { stdio: "ignore" },
      );
      recorded = new Promise((done) => perf.once("exit", () => done()));
      // perf stops on SIGINT once the load ends; bounded by the load's own time.
      setTimeout(() => perf.kill("SIGINT"), seconds * 1000);
    },
  });
  await recorded;
  const groups = perfGroups(dataFile);
  const samples = [...groups.values()].reduce((sum, count) => sum + count, 0);
  // One sample per millisecond of CPU (999 Hz).
  console.log(
    `workerd, ${store} store, ${tabs} tabs: ${load.events} events; perf: ${(samples / load.events).toFixed(3)} ms of CPU per event`,
  );
  for (const [group, count] of [...groups].sort((a, b) => b[1] - a[1]))
    console.log(`  ${((count / load.events) * 1000).toFixed(0).padStart(5)} µs  ${group}`);
}

/** The inspector's CPU profile of each isolate during the timed part. */
async function profileIsolates(): Promise<void> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  // The app's isolate and the store's simulators; Miniflare's other helpers stay idle.
  const profiled = targets.filter(
    (target) => target.id === "core:user:counter" || target.id.startsWith("kv:"),
  );
  const sessions = await Promise.all(
    profiled.map(async (target) => {
      const session = await InspectorSession.open(target.webSocketDebuggerUrl);
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: 200 });
      return { id: target.id, session };
    }),
  );
  let cpuBefore = 0;
  const load = await runLoad(server.url, tabs, seconds, {
    warmUpMs: 2000,
    onTimed: () => {
      cpuBefore = server.cpuSeconds();
      for (const { session } of sessions) void session.send("Profiler.start");
    },
  });
  const profiles = await Promise.all(
    sessions.map(async ({ id, session }) => {
      const { profile } = await session.send<{ profile: CpuProfile }>("Profiler.stop");
      session.close();
      return { id, profile };
    }),
  );
  const processMs = ((server.cpuSeconds() - cpuBefore) * 1000) / load.events;
  console.log(
    `workerd, ${store} store, ${tabs} tabs, ${seconds} s: ${load.events} events, ${load.eventsPerSecond.toFixed(0)} ev/s; workerd's process: ${processMs.toFixed(3)} ms CPU per event`,
  );
  for (const { id, profile } of profiles) {
    const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfMs = new Map<string, number>();
    let busyMs = 0;
    // Samples of an isolate whose thread runs another isolate (one thread serves them all) or
    // code outside JavaScript land here: shown apart, not counted as the isolate's own.
    let programMs = 0;
    profile.samples.forEach((nodeId, index) => {
      const frame = byNode.get(nodeId)!.callFrame;
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      if (frame.functionName === "(idle)") return;
      if (frame.functionName === "(program)") {
        programMs += ms;
        return;
      }
      busyMs += ms;
      const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}:${frame.lineNumber + 1}`;
      selfMs.set(name, (selfMs.get(name) ?? 0) + ms);
    });
    console.log(
      `  isolate ${id}: ${(busyMs / load.events).toFixed(3)} ms in JavaScript and GC per event (${(programMs / load.events).toFixed(3)} ms "(program)")`,
    );
    if (id === "core:user:counter") {
      const top = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 15);
      for (const [name, ms] of top)
        console.log(`    ${((ms / load.events) * 1000).toFixed(1)} µs  ${name}`);
    }
    if (outDir)
      writeFileSync(join(outDir, `${id.replaceAll(":", "-")}.cpuprofile`), JSON.stringify(profile));
  }
}
