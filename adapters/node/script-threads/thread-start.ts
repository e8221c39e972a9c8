import { MessageChannel, Worker } from "node:worker_threads";
import type { ScriptThreadsOptions } from "./script-threads.ts";
import { serveStorage } from "./storage-bridge.ts";
import type { ThreadRun } from "./thread-run.ts";
import {
  RUNS_PER_THREAD,
  SCRIPT_THREAD_MARK,
  type ScriptThreadData,
  type ThreadReport,
} from "./thread-messages.ts";

/** One worker thread and the runs it holds. */
export interface Thread {
  worker: Worker;
  flags: Int32Array;
  heartbeat: Float64Array;
  freeSlots: number[];
  runs: Map<number, ThreadRun>;
  loaded: boolean;
  /** The app changed since it loaded: replaced once its runs end. */
  stale: boolean;
  /** Ended on purpose (replaced, closed): its exit is expected. */
  ended: boolean;
}

/** Starts one worker thread from `options.entry`. */
export function startThread(
  options: ScriptThreadsOptions,
  on: { onReport(report: ThreadReport): void; onExit(error: Error | undefined): void },
): Thread {
  const flags = new Int32Array(new SharedArrayBuffer(4 * (RUNS_PER_THREAD + 1)));
  const heartbeat = new Float64Array(new SharedArrayBuffer(8));
  const data: ScriptThreadData = {
    [SCRIPT_THREAD_MARK]: true,
    flags,
    heartbeat,
    server: options.server,
    setup: options.setup,
  };
  const transferList = [];
  if (options.bridgeStorage) {
    const channel = new MessageChannel();
    serveStorage(channel.port1, options.storage);
    channel.port1.unref();
    data.storagePort = channel.port2;
    transferList.push(channel.port2);
  }
  const worker = new Worker(bootstrap(options.entry), {
    eval: true,
    workerData: data,
    transferList,
  });
  const thread: Thread = {
    worker,
    flags,
    heartbeat,
    freeSlots: Array.from({ length: RUNS_PER_THREAD }, (_, index) => RUNS_PER_THREAD - index),
    runs: new Map(),
    loaded: false,
    stale: false,
    ended: false,
  };
  let failure: Error | undefined;
  worker.on("message", on.onReport);
  worker.on("error", (error) => (failure = error));
  worker.on("exit", () => on.onExit(failure));
  return thread;
}

/**
 * A worker's first code: stacks through source maps if this thread has them (a module loaded
 * before would not get them), tsx for a TypeScript entry, then the entry.
 */
function bootstrap(entry: string): string {
  const load = `import(${JSON.stringify(entry)})`;
  const steps = entry.endsWith(".ts")
    ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return ${load}; })`
    : load;
  return `process.setSourceMapsEnabled(${process.sourceMapsEnabled}); ${steps}.catch((error) => { console.error(error); process.exit(1); });`;
}
