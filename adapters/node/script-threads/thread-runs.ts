import type { MessagePort } from "node:worker_threads";
import { handleRerun, type RerunContext } from "../../../src/server/handle-rerun.ts";
import { RequestError } from "../../../src/server/errors.ts";
import { describeError } from "../../../src/server/server-log.ts";
import { ABORT_SLOT, RETRACT_SLOT, type RunOrder, type ThreadReport } from "./thread-messages.ts";

/** How long a thread waits for the main thread to say whether a retract came in time. */
const RETRACT_WAIT_MS = 5000;

/**
 * The script thread's side: runs each event the main thread sends with `handleRerun`, and
 * reports back. Messages for the page are posted as soon as they are made (posting does not
 * need this thread's event loop), so a script that never yields still streams; the page's
 * departure is read from shared memory, so such a script still stops at its next `st.*` call.
 */
export function serveRuns(context: RerunContext, port: MessagePort, shared: Int32Array): void {
  const report = (message: ThreadReport) => port.postMessage(message);
  const signal = {
    get aborted() {
      return Atomics.load(shared, ABORT_SLOT) === 1;
    },
  };
  port.on("message", (order: RunOrder) => {
    if (order.type !== "run") return;
    const { runId } = order;
    const retract = () => {
      Atomics.store(shared, RETRACT_SLOT, 0);
      report({ type: "retract", runId });
      Atomics.wait(shared, RETRACT_SLOT, 0, RETRACT_WAIT_MS);
      return Atomics.load(shared, RETRACT_SLOT) === 1;
    };
    const send = (messages: Parameters<RerunContextSend>[0]) =>
      report({ type: "send", runId, messages });
    const { ready, done } = handleRerun(context, order.request, { send, retract, signal });
    ready.then(
      () => report({ type: "ready", runId }),
      (error: unknown) =>
        report(
          error instanceof RequestError
            ? { type: "refused", runId, code: error.code, message: error.message }
            : { type: "refused", runId, message: describeError(error) },
        ),
    );
    done.then(
      () => report({ type: "done", runId }),
      (error: unknown) => report({ type: "done", runId, failure: describeError(error) }),
    );
  });
  report({ type: "loaded" });
}

type RerunContextSend = Parameters<typeof handleRerun>[2]["send"];
