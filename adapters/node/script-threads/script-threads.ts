import { MessageChannel, Worker } from "node:worker_threads";
import type { Storage } from "unstorage";
import type { RerunRequest, ServerMessage } from "../../../src/protocol/index.ts";
import { RequestError } from "../../../src/server/errors.ts";
import type { RerunDispatch, RerunOutput } from "../../../src/server/handle-rerun.ts";
import { RunTimeoutError } from "../../../src/runner/signals.ts";
import type { ServerLog } from "../../../src/server/server-log.ts";
import { serveStorage } from "./storage-bridge.ts";
import {
  ABORT_SLOT,
  RETRACT_SLOT,
  SCRIPT_THREAD_MARK,
  type RunOrder,
  type ScriptThreadData,
  type ThreadReport,
  type ThreadServerOptions,
} from "./thread-messages.ts";

/** Options of {@link createScriptThreads}. */
export interface ScriptThreadsOptions {
  /** How many threads run scripts (at least 1). */
  count: number;
  /**
   * The module a thread starts from (a URL): loaded in a worker with ScriptThreadData, it loads
   * the app and calls `serveRuns`. A `.ts` module is loaded through tsx.
   */
  entry: string;
  /** What the runtime needs to load the app in a thread (sent as it is). */
  setup: unknown;
  /** The main thread's store, served to threads that do not open their own (see `bridgeStorage`). */
  storage: Storage;
  /** True when the threads cannot open the store themselves: they reach `storage` through the main thread. */
  bridgeStorage: boolean;
  server: ThreadServerOptions;
  log: ServerLog;
}

/** The threads that run an app's scripts, off the thread that serves HTTP. */
export interface ScriptThreads {
  /** Runs one event in a free thread (see RerunDispatch). */
  dispatch: RerunDispatch;
  /** The app changed (dev): each thread is replaced by one that loads it afresh, once its run ends. */
  reload(): void;
  close(): Promise<void>;
}

/** How long past maxRunSeconds a run may go on before its thread is ended: the runner's own stop comes first. */
const GRACE_MS = 1000;

/**
 * Starts `count` worker threads that run the app's scripts. The main thread keeps HTTP: an
 * event is handed to a free thread (or waits for one; events of one session wait for each
 * other, as in one process), whose messages stream back as they are made. A run past
 * maxRunSeconds, even inside a loop that never yields, is ended with its thread: the page gets
 * the run_timeout error, nothing is saved, and a fresh thread takes its place.
 *
 * @example
 * const threads = createScriptThreads({ count: 2, entry, setup: { appFile }, storage, ... });
 * createServer({ app, storage, runEvents: threads.dispatch });
 */
export function createScriptThreads(options: ScriptThreadsOptions): ScriptThreads {
  const count = Math.max(1, options.count);
  const idle: Thread[] = [];
  const waiting: ((thread: Thread) => void)[] = [];
  const all = new Set<Thread>();
  const sessionTails = new Map<string, Promise<void>>();
  const limitMs = (options.server.maxRunSeconds ?? 300) * 1000 + GRACE_MS;
  let closed = false;
  let nextRunId = 0;

  const spawn = () => {
    if (closed) return;
    const thread = startThread(options, {
      onLoaded: () => release(thread),
      onReport: (report) => onReport(thread, report),
      onExit: (error) => {
        all.delete(thread);
        const index = idle.indexOf(thread);
        if (index >= 0) idle.splice(index, 1);
        if (thread.ended) return;
        options.log.error(
          `[edgelit] a script thread stopped${error ? `: ${error.message}` : ""}; starting another`,
        );
        thread.current?.fail(
          new RequestError(
            "internal",
            "The server failed while running the app; nothing was saved.",
          ),
        );
        thread.current = undefined;
        // A thread that cannot even load the app would be restarted in a loop: wait a little.
        setTimeout(spawn, thread.loaded ? 0 : 1000).unref();
      },
    });
    all.add(thread);
  };

  const release = (thread: Thread) => {
    thread.loaded = true;
    thread.current = undefined;
    if (thread.stale || closed) return replace(thread);
    const next = waiting.shift();
    if (next) next(thread);
    else idle.push(thread);
  };

  const replace = (thread: Thread) => {
    thread.ended = true;
    all.delete(thread);
    void thread.worker.terminate();
    spawn();
  };

  const acquire = () =>
    new Promise<Thread>((resolve) => {
      const thread = idle.pop();
      if (thread) resolve(thread);
      else waiting.push(resolve);
    });

  const onReport = (thread: Thread, report: ThreadReport) => {
    if (report.type === "loaded") return;
    const run = thread.current;
    if (!run || run.runId !== report.runId) return;
    switch (report.type) {
      case "ready":
        return run.started();
      case "refused":
        return run.refused(report);
      case "send":
        run.started();
        return run.output.send(report.messages);
      case "retract":
        Atomics.store(thread.shared, RETRACT_SLOT, run.output.retract() ? 1 : 2);
        Atomics.notify(thread.shared, RETRACT_SLOT);
        return;
      case "done":
        run.finish(report.failure);
        return release(thread);
    }
  };

  /** Runs one event on a thread; resolves when it is over. */
  const runOn = (thread: Thread, run: RunState) =>
    new Promise<void>((finished) => {
      thread.current = run;
      run.onEnd = finished;
      Atomics.store(thread.shared, ABORT_SLOT, 0);
      const signal = run.output.signal as { aborted: boolean; onabort?: unknown } | undefined;
      const abort = () => Atomics.store(thread.shared, ABORT_SLOT, 1);
      if (signal?.aborted) abort();
      else if (signal) signal.onabort = abort;
      run.timer = setTimeout(() => {
        if (thread.current !== run) return;
        thread.current = undefined;
        const error = new RunTimeoutError(options.server.maxRunSeconds ?? 300);
        run.fail(new RequestError("run_timeout", error.message));
        options.log.error(
          `[edgelit] a run went past maxRunSeconds without stopping; its script thread was ended`,
        );
        replace(thread);
      }, limitMs);
      thread.worker.postMessage({
        type: "run",
        runId: run.runId,
        request: run.request,
      } satisfies RunOrder);
    });

  const dispatch: RerunDispatch = (request, output) => {
    const run = new RunState(nextRunId++, request, output);
    const sessionId = request.sessionId;
    const previous = sessionId === null ? undefined : sessionTails.get(sessionId);
    const go = () => acquire().then((thread) => runOn(thread, run));
    const finished = previous ? previous.then(go) : go();
    if (sessionId !== null) {
      sessionTails.set(sessionId, finished);
      void finished.then(() => {
        if (sessionTails.get(sessionId) === finished) sessionTails.delete(sessionId);
      });
    }
    return { ready: run.ready, done: run.done };
  };

  for (let index = 0; index < count; index++) spawn();

  return {
    dispatch,
    reload() {
      for (const thread of all) thread.stale = true;
      for (const thread of idle.splice(0)) replace(thread);
    },
    async close() {
      closed = true;
      const threads = [...all];
      for (const thread of threads) thread.ended = true;
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}

// --- Internal helpers ---

/** One worker thread and the run it holds. */
interface Thread {
  worker: Worker;
  shared: Int32Array;
  loaded: boolean;
  /** The app changed since it loaded: replaced once its run ends. */
  stale: boolean;
  /** Ended on purpose (replaced, closed): its exit is expected. */
  ended: boolean;
  current: RunState | undefined;
}

/** Starts one worker thread from `options.entry`. */
function startThread(
  options: ScriptThreadsOptions,
  on: {
    onLoaded(): void;
    onReport(report: ThreadReport): void;
    onExit(error: Error | undefined): void;
  },
): Thread {
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const data: ScriptThreadData = {
    [SCRIPT_THREAD_MARK]: true,
    shared,
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
    shared,
    loaded: false,
    stale: false,
    ended: false,
    current: undefined,
  };
  let failure: Error | undefined;
  worker.on("message", (report: ThreadReport) =>
    report.type === "loaded" ? on.onLoaded() : on.onReport(report),
  );
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

/** One event handed to the threads: its answer's promises and where its messages go. */
class RunState {
  readonly ready: Promise<void>;
  readonly done: Promise<void>;
  timer: ReturnType<typeof setTimeout> | undefined;
  onEnd: () => void = () => {};
  private isReady = false;
  private markReady!: (error?: unknown) => void;
  private markDone!: (error?: unknown) => void;

  constructor(
    readonly runId: number,
    readonly request: RerunRequest,
    readonly output: RerunOutput,
  ) {
    this.ready = new Promise((resolve, reject) => {
      this.markReady = (error) => (error ? reject(error) : resolve());
    });
    this.done = new Promise((resolve, reject) => {
      this.markDone = (error) => (error ? reject(error) : resolve());
    });
    // Whoever waits on them hears of a failure; one that no one waits on (done, after a refusal) is not a crash.
    this.ready.catch(() => {});
    this.done.catch(() => {});
  }

  started(): void {
    if (this.isReady) return;
    this.isReady = true;
    this.markReady();
  }

  refused(report: Extract<ThreadReport, { type: "refused" }>): void {
    this.isReady = true;
    this.markReady(
      report.code ? new RequestError(report.code, report.message) : new Error(report.message),
    );
  }

  /** The thread says the event is over. */
  finish(failure: string | undefined): void {
    const error = failure === undefined ? undefined : new Error(failure);
    if (!this.isReady) this.markReady(error);
    this.end(error);
  }

  /** The event cannot finish in its thread: the page gets `error` (an HTTP refusal before its answer began). */
  fail(error: RequestError): void {
    if (!this.isReady) {
      this.isReady = true;
      this.markReady(error);
    } else {
      const message: ServerMessage = { type: "error", code: error.code, message: error.message };
      this.output.send([message]);
    }
    this.end(undefined);
  }

  private end(error: Error | undefined): void {
    clearTimeout(this.timer);
    const signal = this.output.signal as { onabort?: unknown } | undefined;
    if (signal && "onabort" in signal) signal.onabort = null;
    this.markDone(error);
    this.onEnd();
  }
}
