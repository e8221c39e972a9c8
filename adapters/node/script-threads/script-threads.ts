import type { Storage } from "unstorage";
import { RequestError } from "../../../src/server/errors.ts";
import type { RerunDispatch } from "../../../src/server/handle-rerun.ts";
import { RunTimeoutError } from "../../../src/runner/signals.ts";
import type { ServerLog } from "../../../src/server/server-log.ts";
import { readAhead, readAtOnce } from "./storage-bridge.ts";
import { startThread, type Thread } from "./thread-start.ts";
import { sessionKey } from "../../../src/session/store.ts";
import { ThreadRun } from "./thread-run.ts";
import {
  HEARTBEAT_MS,
  RETRACT_SLOT,
  type RunOrder,
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
  /** Runs one event in a script thread (see RerunDispatch). */
  dispatch: RerunDispatch;
  /** Resolves once the first threads have loaded the app (or one failed to, which is logged). */
  ready: Promise<void>;
  /** The app changed (dev): each thread is replaced by one that loads it afresh, once its runs end. */
  reload(): void;
  close(): Promise<void>;
}

/** How long past maxRunSeconds a run may go on before its thread is ended: the runner's own stop comes first. */
const GRACE_MS = 1000;
/** A thread whose event loop has not turned for this long is inside a script that does not yield. */
const STUCK_MS = 5 * HEARTBEAT_MS;

/**
 * Starts `count` worker threads that run the app's scripts. The main thread keeps HTTP: an
 * event goes to the thread with the fewest runs among those whose event loop turns (or waits
 * for one; events of one session wait for each other, as in one process), and its messages
 * stream back as they are made. A run past maxRunSeconds, even inside a loop that never
 * yields, is ended with its thread: its page gets the run_timeout error, the other runs of
 * that thread are sent again by their pages (a conflict), nothing of them is saved, and a
 * fresh thread takes its place.
 *
 * @example
 * const threads = createScriptThreads({ count: 2, entry, setup: { appFile }, storage, ... });
 * createServer({ app, storage, runEvents: threads.dispatch });
 */
export function createScriptThreads(options: ScriptThreadsOptions): ScriptThreads {
  const threads = new Set<Thread>();
  const waiting: ThreadRun[] = [];
  const sessionTails = new Map<string, Promise<void>>();
  const maxRunSeconds = options.server.maxRunSeconds ?? 300;
  let closed = false;
  let nextRunId = 0;
  let toLoad = Math.max(1, options.count);
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const spawn = () => {
    if (closed) return;
    const thread = startThread(options, {
      onReport: (report) => onReport(thread, report),
      onMessages: (runId, messages) => thread.runs.get(runId)?.send(messages),
      onExit: (error) => {
        threads.delete(thread);
        if (thread.ended) return;
        thread.readMessages();
        if (!thread.loaded) markReady();
        options.log.error(
          `[edgelit] a script thread stopped${error ? `: ${error.message}` : ""}; starting another`,
        );
        endRuns(thread, () => INTERNAL);
        // A thread that cannot even load the app would be restarted in a loop: wait a little.
        setTimeout(spawn, thread.loaded ? 0 : 1000).unref();
      },
    });
    threads.add(thread);
  };

  /** Ends a thread on purpose, and starts another in its place. */
  const replace = (thread: Thread) => {
    thread.ended = true;
    threads.delete(thread);
    void thread.worker.terminate();
    spawn();
  };

  /**
   * The thread a new run should go to: the one with the fewest runs among those whose event
   * loop turns. None while every thread is loading, full, or inside a script that does not
   * yield: a run given to such a thread would wait for the script anyway, while one kept here
   * goes to whichever thread is free first.
   */
  const pick = (): Thread | undefined => {
    const now = Date.now();
    let best: Thread | undefined;
    for (const thread of threads) {
      if (!thread.loaded || thread.stale || thread.freeSlots.length === 0) continue;
      if (thread.runs.size > 0 && now - thread.heartbeat[0]! > STUCK_MS) continue;
      if (!best || thread.runs.size < best.runs.size) best = thread;
    }
    return best;
  };

  /** Hands waiting runs to threads with room; while none has, looks again now and then. */
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const drain = () => {
    while (waiting.length) {
      const thread = pick();
      if (!thread) {
        recheck ??= setTimeout(() => {
          recheck = undefined;
          drain();
        }, HEARTBEAT_MS);
        return;
      }
      start(thread, waiting.shift()!);
    }
  };

  /**
   * While runs are in hand, their messages are read every HEARTBEAT_MS besides when a thread
   * posts: a script that does not yield, or waits long, streams what it made so far.
   */
  let reading: ReturnType<typeof setInterval> | undefined;
  const readWhileRunning = () => {
    reading ??= setInterval(() => {
      let running = false;
      for (const thread of threads) {
        thread.readMessages();
        running ||= thread.runs.size > 0;
      }
      if (!running) {
        clearInterval(reading);
        reading = undefined;
      }
    }, HEARTBEAT_MS);
  };

  const start = (thread: Thread, run: ThreadRun) => {
    readWhileRunning();
    const slot = thread.freeSlots.pop()!;
    run.slot = slot;
    thread.runs.set(run.runId, run);
    Atomics.store(thread.flags, slot, 0);
    run.watchAbort(() => Atomics.store(thread.flags, slot, 1));
    run.timer = setTimeout(() => timeOut(thread, run), maxRunSeconds * 1000 + GRACE_MS);
    const order: RunOrder = { type: "run", runId: run.runId, slot, request: run.request };
    const sessionId = run.request.sessionId;
    if (sessionId === null) return thread.order(order);
    const key = sessionKey(sessionId);
    if (options.bridgeStorage) {
      const primed = readAtOnce(options.storage, key);
      if (primed) order.primed = { key, value: primed.value };
      return thread.order(order);
    }
    // A store the thread opened itself (Redis): the record is read here, where answers for many
    // events come in together, and the thread makes one round trip per event (its save), not two.
    void readAhead(options.storage, key).then((value) => {
      if (value !== undefined) order.primed = { key, value };
      if (thread.runs.get(run.runId) === run) thread.order(order);
    });
  };

  /** A run went past its limit without stopping: its thread is ended, and every run on it. */
  const timeOut = (thread: Thread, culprit: ThreadRun) => {
    if (thread.runs.get(culprit.runId) !== culprit) return;
    options.log.error(
      "[edgelit] a run went past maxRunSeconds without stopping; its script thread was ended",
    );
    // What its runs wrote reaches their pages before the error.
    thread.readMessages();
    endRuns(thread, (run) =>
      run === culprit
        ? new RequestError("run_timeout", new RunTimeoutError(maxRunSeconds).message)
        : ENDED_WITH_ANOTHER,
    );
    replace(thread);
  };

  /** Every run of a thread that is gone ends with the error `errorOf` gives it. */
  const endRuns = (thread: Thread, errorOf: (run: ThreadRun) => RequestError) => {
    for (const run of thread.runs.values()) run.fail(errorOf(run));
    thread.runs.clear();
  };

  const onReport = (thread: Thread, report: ThreadReport) => {
    if (report.type === "loaded") {
      thread.loaded = true;
      if (--toLoad === 0) markReady();
      if (thread.stale) replace(thread);
      return drain();
    }
    // Posted messages were handed on with the ring's (see startThread).
    if (report.type === "posted") return;
    const run = thread.runs.get(report.runId);
    if (!run) return;
    switch (report.type) {
      case "refused":
        return run.refused(report.code, report.message);
      case "retract":
        Atomics.store(thread.flags, RETRACT_SLOT, run.output.retract() ? 1 : 2);
        Atomics.notify(thread.flags, RETRACT_SLOT);
        return;
      case "done":
        thread.runs.delete(run.runId);
        thread.freeSlots.push(run.slot);
        run.finish(report.failure);
        if (thread.stale && thread.runs.size === 0) replace(thread);
        return drain();
    }
  };

  const dispatch: RerunDispatch = (request, output) => {
    const run = new ThreadRun(nextRunId++, request, output);
    const sessionId = request.sessionId;
    const previous = sessionId === null ? undefined : sessionTails.get(sessionId);
    const enqueue = () => {
      waiting.push(run);
      drain();
      return run.ended;
    };
    const ended = previous ? previous.then(enqueue) : enqueue();
    if (sessionId !== null) {
      sessionTails.set(sessionId, ended);
      void ended.then(() => {
        if (sessionTails.get(sessionId) === ended) sessionTails.delete(sessionId);
      });
    }
    return { ready: run.ready, done: run.done };
  };

  for (let index = 0; index < Math.max(1, options.count); index++) spawn();

  return {
    dispatch,
    ready,
    reload() {
      // A copy: replacing a thread adds its successor to the set.
      for (const thread of Array.from(threads)) {
        thread.stale = true;
        if (thread.runs.size === 0) replace(thread);
      }
    },
    async close() {
      closed = true;
      clearTimeout(recheck);
      clearInterval(reading);
      const all = [...threads];
      for (const thread of all) thread.ended = true;
      await Promise.all(all.map((thread) => thread.worker.terminate()));
    },
  };
}

// --- Internal helpers ---

const INTERNAL = new RequestError(
  "internal",
  "The server failed while running the app; nothing was saved.",
);

/** The runs that shared a thread with one that had to be ended: their pages send them again. */
const ENDED_WITH_ANOTHER = new RequestError(
  "conflict",
  "Another run on this event's script thread went past maxRunSeconds and the thread was ended; send it again.",
);
