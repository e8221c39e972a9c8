import { hashString, type RerunRequest } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import type { SessionIdIssuer } from "../session/session-ticket.ts";

/**
 * The run id a page holds after a run that was not saved: its session has no
 * record yet, and the next event reruns from a new one. It names the tree the
 * page holds by a digest, so that rerun can tell whether it drew the same
 * page (then only what the event changes is sent). Saved runs are numbered
 * in base 36 from "1" (the record's version), so "0." never starts one.
 */
export function freshRunId(tree: Record<string, string>): string {
  let entries = "";
  for (const key of Object.keys(tree).sort()) entries += `${key}=${tree[key]};`;
  return FRESH_RUN_PREFIX + hashString(entries);
}

/** True when the page holds a run that was not saved (see freshRunId). */
export function isFreshRunId(runId: string | null): boolean {
  return runId !== null && runId.startsWith(FRESH_RUN_PREFIX);
}

const FRESH_RUN_PREFIX = "0.";

/**
 * True when an event for a session with no record may run as that session's
 * first saved event, from a new record: the id carries the server's ticket,
 * and the page holds a run that was never saved (a fresh run id), or, when the page does not say which run it holds (a reload,
 * an answer lost), the id is younger than the session TTL, so its session
 * cannot have been saved and expired since. Anything else is an expired (or
 * made up) session, answered as before.
 */
export async function isFreshSession(
  ids: SessionIdIssuer,
  lastRunId: string | null,
  sessionId: string,
  ttlSeconds: number,
  now: number = Date.now(),
): Promise<boolean> {
  const heldFresh = isFreshRunId(lastRunId);
  if (lastRunId !== null && !heldFresh) return false;
  const issuedAt = await ids.issuedAt(sessionId);
  if (issuedAt === undefined) return false;
  return heldFresh || now - issuedAt < ttlSeconds * 1000;
}

/** True when the event brings widget changes (its own or carried ones). */
export function bringsChanges(request: RerunRequest): boolean {
  return request.changes.length > 0 || (request.carried?.length ?? 0) > 0;
}

/**
 * True when a run from a new record left something a rerun from a new record
 * would not give back, so the record must be saved: `st.session` values
 * (the app's, or a widget value set through it), fragments or open dialogs
 * (their reruns need their state), or uploaded files. Widget values and the
 * element tree are not state here: without changes, every widget holds its
 * default, and the next event (or upload) rebuilds both.
 */
export function holdsState(record: SessionRecord, widgetValuesSet: boolean): boolean {
  if (widgetValuesSet) return true;
  for (const _ in record.session) return true;
  for (const _ in record.fragments) return true;
  for (const _ in record.uploads) return true;
  return false;
}
