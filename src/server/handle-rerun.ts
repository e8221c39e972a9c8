import type { RerunRequest } from "../protocol/index.ts";
import { createSessionRecord, type SessionRecord } from "../session/record.ts";
import type { RunEnv } from "../runner/script-run.ts";
import { RequestError } from "./errors.ts";
import { isFreshSession } from "./fresh-session.ts";
import {
  logStoreError,
  runOnce,
  storeDetail,
  storeFailure,
  type RerunContext,
  type RerunOutput,
} from "./run-once.ts";
import { followCachedCalls } from "../cache/cached-call.ts";

export type { RerunContext, RerunDispatch, RerunOutput } from "./run-once.ts";

/** How often a run that lost a race to another replica is redone before the client is asked to repeat. */
const MAX_ATTEMPTS = 3;

/**
 * One event, start to end: load the session, rerun the app with the event's
 * widget changes, stream the changed elements, save the record, finish.
 *
 * Resolves `ready` once the session is loaded, so an HTTP layer can still
 * answer a 4xx for an unknown session before it commits to a stream. Events
 * of one session run one at a time in this process; across processes the
 * conditional save decides, and a run that lost is redone or reported.
 * `env` is this request's bindings (a Worker's `env`); by default the context's.
 */
export function handleRerun(
  context: RerunContext,
  request: RerunRequest,
  output: RerunOutput,
  env: RunEnv | undefined = context.env,
): { ready: Promise<void>; done: Promise<void> } {
  if (context.dispatch) return context.dispatch(request, output);
  // In development a cached function that draws is an error at once (see cached-call.ts).
  if (context.dev) followCachedCalls();
  let markReady!: (error?: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = (error) => (error ? reject(error) : resolve());
  });
  const done = sessionIdOf().then((sessionId) => {
    if (sessionId === undefined) return;
    return context.sessions.exclusive(sessionId, () => rerunSession(sessionId));
  });

  async function rerunSession(sessionId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let record: SessionRecord | undefined;
      // A record made here, for a session that was never saved: see fresh-session.ts.
      let fresh = request.sessionId === null;
      try {
        record = fresh ? createSessionRecord() : await context.sessions.load(sessionId);
        if (
          !record &&
          (await isFreshSession(
            context.sessionIds,
            request.lastRunId,
            sessionId,
            context.sessions.ttlSeconds,
          ))
        ) {
          record = createSessionRecord();
          fresh = true;
        }
      } catch (error) {
        logStoreError(context, "loading", sessionId, error);
        const failure = storeFailure(context, error, "The session store is unavailable");
        return fail(attempt, new RequestError(failure.code, failure.message));
      }
      if (!record)
        return fail(
          attempt,
          new RequestError(
            "session_expired",
            "This session has expired or does not exist; start a new one.",
          ),
        );
      if (attempt === 1) markReady();

      const outcome = await runOnce(context, request, sessionId, record, fresh, output, env);
      if (outcome !== "conflict") return;
      if (output.signal?.aborted) return;
      if (attempt < MAX_ATTEMPTS && output.retract()) continue;
      output.send([
        {
          type: "error",
          code: "conflict",
          message: "This session changed on another server while the event ran; send it again.",
        },
      ]);
      return;
    }
  }

  /** The event's session id: the request's, or a new one; undefined (and the event refused) when none can be made. */
  async function sessionIdOf(): Promise<string | undefined> {
    if (request.sessionId !== null) return request.sessionId;
    try {
      return await context.sessionIds.issue();
    } catch (error) {
      logStoreError(context, "starting", "(new)", error);
      fail(
        1,
        new RequestError(
          "store_unavailable",
          `The session store is unavailable${storeDetail(context, error)}`,
        ),
      );
      return undefined;
    }
  }

  /** Before the stream starts, a failure is the HTTP answer; after, it is an error message. */
  function fail(attempt: number, error: RequestError): void {
    if (attempt === 1) markReady(error);
    else output.send([{ type: "error", code: error.code, message: error.message }]);
  }

  done.catch((error) => markReady(error));
  return { ready, done };
}
