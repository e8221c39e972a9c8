import type { MessagePort } from "node:worker_threads";
import type { ServerMessage } from "../../../src/protocol/index.ts";
import { handleRerun, type RerunContext } from "../../../src/server/handle-rerun.ts";
import { RequestError } from "../../../src/server/errors.ts";
import { describeError } from "../../../src/server/server-log.ts";
import { ringReader, ringWriter, type MessageRing } from "./message-ring.ts";
import {
  HEARTBEAT_MS,
  RETRACT_SLOT,
  THREAD_AWAKE,
  THREAD_SLEEPS,
  type RunOrder,
  type ThreadReport,
} from "./thread-messages.ts";

/** How long a thread waits for the main thread to say whether a retract came in time. */
const RETRACT_WAIT_MS = 5000;

/**
 * The script thread's side: runs each event the main thread sends with `handleRerun` (several
 * at once, as one process does, each waiting on its store in turn), and reports back. Messages
 * for the page go to the thread's message ring in shared memory as soon as they are made,
 * which the main thread reads when this thread reports an event over, and every few
 * milliseconds on its own: a quick event wakes the main thread once, and a script that never
 * yields still streams. Run orders come the other way through a ring too: while this thread
 * holds runs it reads them each time a run is loaded or over (and every HEARTBEAT_MS), so the
 * main thread wakes it only when it holds none. The page's departure is read from shared
 * memory, so such a script still stops at its next `st.*` call. A heartbeat tells the main
 * thread whether this thread's event loop turns, so new events go to threads that are not
 * stuck in a loop.
 */
export function serveRuns(
  context: RerunContext,
  port: MessagePort,
  shared: {
    flags: Int32Array;
    heartbeat: Float64Array;
    ring: MessageRing;
    orders: MessageRing;
    sleep: Int32Array;
  },
  prime?: (key: string, value: unknown) => void,
): void {
  const { flags, heartbeat, sleep } = shared;
  const report = createOutbox(port);
  const ring = ringWriter(shared.ring);
  const orderReader = ringReader<RunOrder>(shared.orders);
  const noPostedOrders: RunOrder[] = [];
  /** Runs started and not yet over. */
  let held = 0;
  /**
   * Starts the orders the ring holds. A thread left with no run says it sleeps, then looks
   * once more: an order written before the main thread could see that would otherwise wait.
   */
  const takeOrders = () => {
    for (;;) {
      if (orderReader.pending()) orderReader.read((_, order) => run(order), noPostedOrders);
      if (held > 0) return;
      Atomics.store(sleep, 0, THREAD_SLEEPS);
      if (!orderReader.pending()) return;
    }
  };
  heartbeat[0] = Date.now();
  setInterval(() => {
    heartbeat[0] = Date.now();
    takeOrders();
  }, HEARTBEAT_MS).unref();
  // Orders the ring had no room for; an empty list only wakes this thread.
  port.on("message", (orders: RunOrder[]) => {
    for (const order of orders) if (order.type === "run") run(order);
    takeOrders();
  });
  const run = (order: RunOrder) => {
    const { runId, slot } = order;
    if (held++ === 0) Atomics.store(sleep, 0, THREAD_AWAKE);
    if (order.primed) prime?.(order.primed.key, order.primed.value);
    const signal = {
      get aborted() {
        return Atomics.load(flags, slot) === 1;
      },
    };
    const retract = () => {
      Atomics.store(flags, RETRACT_SLOT, 0);
      report({ type: "retract", runId }, true);
      Atomics.wait(flags, RETRACT_SLOT, 0, RETRACT_WAIT_MS);
      return Atomics.load(flags, RETRACT_SLOT) === 1;
    };
    const send = (messages: ServerMessage[]) => {
      // Too large for the ring: posted at once, in the place the ring keeps for them.
      if (!ring.write(runId, messages)) report({ type: "posted", messages }, true);
    };
    const { ready, done } = handleRerun(context, order.request, { send, retract, signal });
    ready.then(takeOrders, (error: unknown) =>
      report(
        error instanceof RequestError
          ? { type: "refused", runId, code: error.code, message: error.message }
          : { type: "refused", runId, message: describeError(error) },
      ),
    );
    const over = (failure?: string) => {
      report(failure === undefined ? { type: "done", runId } : { type: "done", runId, failure });
      held--;
      takeOrders();
    };
    done.then(
      () => over(),
      (error: unknown) => over(describeError(error)),
    );
  };
  report({ type: "loaded" }, true);
}

// --- Internal helpers ---

/**
 * Reports to the main thread, several to a message: waking a thread costs more than the
 * message itself. What cannot wait while a script may not yield (a retract, a large message)
 * goes at once, with whatever waits before it; the rest (an event is over, or was refused)
 * waits until this thread's event loop turns, which it does once the run is over.
 */
function createOutbox(port: MessagePort): (message: ThreadReport, now?: boolean) => void {
  let outbox: ThreadReport[] = [];
  let scheduled = false;
  const post = () => {
    scheduled = false;
    if (outbox.length === 0) return;
    port.postMessage(outbox);
    outbox = [];
  };
  return (message, now = false) => {
    outbox.push(message);
    if (now) post();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(post);
    }
  };
}
