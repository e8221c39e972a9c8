import { runEvent } from "../runner/run-event.ts";
import { createSessionRecord, type SessionRecord } from "../session/record.ts";
import { isFreshSession } from "./fresh-session.ts";
import type { RerunContext } from "./run-once.ts";
import { describeError, shortSessionId } from "./server-log.ts";

/**
 * The record an upload checks its widget against when its session was never
 * saved: the app's page at `url` (the page's, as the upload names it), drawn
 * from a new record as the event that follows will draw it. Only for an id
 * the server issued less than a session TTL ago (see isFreshSession); else
 * undefined, and the upload is refused as for an expired session.
 */
export async function freshRecordForUpload(
  context: RerunContext,
  sessionId: string,
  url: string,
): Promise<SessionRecord | undefined> {
  const ttl = context.sessions.ttlSeconds;
  if (!(await isFreshSession(context.sessionIds, null, sessionId, ttl))) return undefined;
  const record = createSessionRecord();
  await runEvent({
    host: context.host,
    record,
    changes: [],
    previousTree: {},
    send: () => {},
    silent: true,
    url,
    dev: context.dev,
    showErrorDetails: context.showErrorDetails,
    reportError: (error, site) =>
      context.log.error(
        `[edgelit] script error in ${site} (session ${shortSessionId(sessionId)}): ${describeError(error)}`,
      ),
    cacheStorage: context.cacheStorage,
    maxRunSeconds: context.maxRunSeconds,
    maxMessageBytes: context.maxMessageBytes,
    env: context.env,
    visit: context.secrets && { secrets: context.secrets },
    storeMedia: (bytes, type) => context.media.putMedia(bytes, type, record.media),
  });
  return record;
}
