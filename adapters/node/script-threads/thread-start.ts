import { MessageChannel, Worker } from "node:worker_threads";
import type { ScriptThreadsOptions } from "./script-threads.ts";
import type { ServerMessage } from "../../../src/protocol/index.ts";
import { createMessageRing, ringReader, ringWriter } from "./message-ring.ts";
import { serveStorage } from "./storage-bridge.ts";
import type { ThreadRun } from "./thread-run.ts";
import {
  RUNS_PER_THREAD,
  SCRIPT_THREAD_MARK,
  THREAD_AWAKE,
  THREAD_SLEEPS,
  type RunOrder,
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
  /**
   * Hands the thread an event, through its order ring: a thread that holds runs reads it as they
   * move on, and one that sleeps is woken by one message per turn of this thread's event loop.
   */
  order(order: RunOrder): void;
  /** Hands the messages the thread has written so far to their runs (see message-ring.ts). */
  readMessages(): void;
}

/** Starts one worker thread from `options.entry`. */
export function startThread(
  options: ScriptThreadsOptions,
  on: {
    onReport(report: ThreadReport): void;
    onMessages(runId: number, messages: ServerMessage[]): void;
    onExit(error: Error | undefined): void;
  },
): Thread {
  const flags = new Int32Array(new SharedArrayBuffer(4 * (RUNS_PER_THREAD + 1)));
  const heartbeat = new Float64Array(new SharedArrayBuffer(8));
  const ring = createMessageRing();
  const orderRing = createMessageRing();
  // A thread that has not loaded the app holds no run: the first order wakes it.
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  sleep[0] = THREAD_SLEEPS;
  const data: ScriptThreadData = {
    [SCRIPT_THREAD_MARK]: true,
    flags,
    heartbeat,
    ring,
    orders: orderRing,
    sleep,
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
  const reader = ringReader(ring);
  const orderWriter = ringWriter<RunOrder>(orderRing);
  /** Messages too large for the ring, in the order the ring names them. */
  const posted: ServerMessage[][] = [];
  /** Orders the order ring had no room for; an empty list posted only wakes the thread. */
  let orders: RunOrder[] = [];
  let wakeScheduled = false;
  const postOrders = () => {
    wakeScheduled = false;
    if (!thread.ended) worker.postMessage(orders);
    orders = [];
  };
  const thread: Thread = {
    worker,
    flags,
    heartbeat,
    freeSlots: Array.from({ length: RUNS_PER_THREAD }, (_, index) => RUNS_PER_THREAD - index),
    runs: new Map(),
    loaded: false,
    stale: false,
    ended: false,
    order(order) {
      // Orders of one thread need no order among them: a session has one event in a thread at a time.
      const posting = !orderWriter.tryWrite(order.runId, order) && orders.push(order) > 0;
      // After the write: a thread that goes to sleep meanwhile reads the ring once more after saying so.
      const asleep =
        Atomics.compareExchange(sleep, 0, THREAD_SLEEPS, THREAD_AWAKE) === THREAD_SLEEPS;
      if ((posting || asleep) && !wakeScheduled) {
        wakeScheduled = true;
        setImmediate(postOrders);
      }
    },
    readMessages() {
      if (reader.pending()) reader.read(on.onMessages, posted);
    },
  };
  let failure: Error | undefined;
  worker.on("message", (reports: ThreadReport[]) => {
    // What the thread wrote before it posted comes first: an event's messages before its end.
    for (const report of reports) if (report.type === "posted") posted.push(report.messages);
    thread.readMessages();
    for (const report of reports) if (report.type !== "posted") on.onReport(report);
  });
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
