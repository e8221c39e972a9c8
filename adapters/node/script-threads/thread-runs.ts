import type { MessagePort } from "node:worker_threads";
import type { ServerMessage } from "../../../src/protocol/index.ts";
import { handleRerun, type RerunContext } from "../../../src/server/handle-rerun.ts";
import { RequestError } from "../../../src/server/errors.ts";
import { describeError } from "../../../src/server/server-log.ts";
import { HEARTBEAT_MS, RETRACT_SLOT, type RunOrder, type ThreadReport } from "./thread-messages.ts";

/** How long a thread waits for the main thread to say whether a retract came in time. */
const RETRACT_WAIT_MS = 5000;

/**
 * The script thread's side: runs each event the main thread sends with `handleRerun` (several
 * at once, as one process does, each waiting on its store in turn), and reports back. Messages
 * for the page are posted as soon as they are made (posting does not need this thread's event
 * loop), so a script that never yields still streams; the page's departure is read from shared
 * memory, so such a script still stops at its next `st.*` call. A heartbeat tells the main
 * thread whether this thread's event loop turns, so new events go to threads that are not
 * stuck in a loop.
 */
export function serveRuns(
  context: RerunContext,
  port: MessagePort,
  shared: { flags: Int32Array; heartbeat: Float64Array },
  prime?: (key: string, value: unknown) => void,
): void {
  const { flags, heartbeat } = shared;
  const report = (message: ThreadReport) => port.postMessage(message);
  heartbeat[0] = Date.now();
  setInterval(() => void (heartbeat[0] = Date.now()), HEARTBEAT_MS).unref();
  port.on("message", (order: RunOrder) => {
    if (order.type !== "run") return;
    const { runId, slot } = order;
    if (order.primed) prime?.(order.primed.key, order.primed.value);
    const signal = {
      get aborted() {
        return Atomics.load(flags, slot) === 1;
      },
    };
    const retract = () => {
      Atomics.store(flags, RETRACT_SLOT, 0);
      report({ type: "retract", runId });
      Atomics.wait(flags, RETRACT_SLOT, 0, RETRACT_WAIT_MS);
      return Atomics.load(flags, RETRACT_SLOT) === 1;
    };
    // The finish message goes with the report that the event is over: one message, not two.
    // Nothing of the app's runs between the two, so holding it back delays nothing.
    let last: ServerMessage[] | undefined;
    const send = (messages: ServerMessage[]) => {
      if (last) report({ type: "send", runId, messages: last });
      last = undefined;
      if (messages.at(-1)?.type === "finish") last = messages;
      else report({ type: "send", runId, messages });
    };
    const { ready, done } = handleRerun(context, order.request, { send, retract, signal });
    ready.catch((error: unknown) =>
      report(
        error instanceof RequestError
          ? { type: "refused", runId, code: error.code, message: error.message }
          : { type: "refused", runId, message: describeError(error) },
      ),
    );
    done.then(
      () => report({ type: "done", runId, messages: last }),
      (error: unknown) =>
        report({ type: "done", runId, failure: describeError(error), messages: last }),
    );
  });
  report({ type: "loaded" });
}
