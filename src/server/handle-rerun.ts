import type { AppDefinition } from "../app/define-app.ts";
import type { RerunRequest, ServerMessage } from "../protocol/index.ts";
import { runEvent } from "../runner/run-event.ts";
import { createSessionRecord } from "../session/record.ts";
import { createSessionId } from "../session/session-id.ts";
import type { SessionStore } from "../session/store.ts";
import { RequestError } from "./errors.ts";

/** What one event needs besides the request. */
export interface RerunContext {
  app: AppDefinition;
  sessions: SessionStore;
  dev: boolean;
}

/**
 * One event, start to end: load the session, rerun the app with the event's
 * widget changes, stream the changed elements, save the record, finish.
 *
 * Resolves `ready` once the session is loaded, so an HTTP layer can still
 * answer a 4xx for an unknown session before it commits to a stream. Events
 * of one session run one at a time in this process.
 */
export function handleRerun(
  context: RerunContext,
  request: RerunRequest,
  send: (messages: ServerMessage[]) => void,
): { ready: Promise<void>; done: Promise<void> } {
  let markReady!: (error?: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = (error) => (error ? reject(error) : resolve());
  });
  const sessionId = request.sessionId ?? createSessionId();

  const done = context.sessions.exclusive(sessionId, async () => {
    let record;
    try {
      record = request.sessionId === null ? createSessionRecord() : await context.sessions.load(sessionId);
    } catch (error) {
      markReady(new RequestError("store_unavailable", `The session store is unavailable: ${(error as Error).message}`));
      return;
    }
    if (!record) {
      markReady(new RequestError("session_expired", "This session has expired or does not exist; start a new one."));
      return;
    }
    markReady();

    // Unique per saved run of this session: a run that is not saved never finishes.
    const runId = (record.version + 1).toString(36);
    const reset = request.lastRunId === null || request.lastRunId !== record.lastRunId;
    const loadedVersion = record.version;
    // A retry of the event this record already holds: rerun, but click nothing twice.
    const alreadyApplied = request.eventId === record.lastEventId;
    send([{ type: "start", sessionId, runId, reset }]);
    const { counts } = await runEvent({
      app: context.app,
      record,
      changes: alreadyApplied ? [] : request.changes,
      previousTree: reset ? {} : record.tree,
      send,
      dev: context.dev,
    });
    record.lastRunId = runId;
    record.lastEventId = request.eventId;
    try {
      await context.sessions.save(sessionId, record, loadedVersion);
    } catch (error) {
      const unsaveable = error instanceof TypeError;
      send([{
        type: "error",
        code: unsaveable ? "internal" : "store_unavailable",
        message: unsaveable ? error.message : `The session could not be saved: ${(error as Error).message}`,
      }]);
      return;
    }
    // Finish only after the save: a client that saw `finish` holds a saved run.
    send([{ type: "finish", runId, counts }]);
  });
  done.catch((error) => markReady(error));
  return { ready, done };
}
