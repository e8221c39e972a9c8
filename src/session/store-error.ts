/**
 * What went wrong with the session store, as an operator and a user need to
 * tell it apart: `unreachable` (no connection), `timeout` (no answer in time),
 * `read-only` (a replica, during or after a failover), `full` (out of memory
 * under `noeviction`), `moved` (a Cluster slot served elsewhere),
 * `unconfirmed` (saved on the primary, but not on as many replicas as
 * configured), or `other`.
 */
export type StoreErrorKind =
  | "unreachable"
  | "timeout"
  | "read-only"
  | "full"
  | "moved"
  | "unconfirmed"
  | "other";

/**
 * A save the primary made but fewer replicas than configured acknowledged in
 * time: it may be lost in a failover, so the event is not reported as done.
 */
export class UnconfirmedSaveError extends Error {
  constructor(
    readonly acknowledged: number,
    readonly required: number,
  ) {
    super(
      `the save reached ${acknowledged} of the ${required} replica${required === 1 ? "" : "s"} it must reach`,
    );
    this.name = "UnconfirmedSaveError";
  }
}

/**
 * The kind of a store error, from the error ioredis or a REST client gives.
 *
 * @example
 * storeErrorKind(new Error("READONLY You can't write against a read only replica.")); // "read-only"
 */
export function storeErrorKind(error: unknown): StoreErrorKind {
  if (error instanceof UnconfirmedSaveError) return "unconfirmed";
  let message = error instanceof Error ? error.message : String(error);
  // A Cluster client that gave up names the error it last met: a node down is not a redirection.
  const last = /^Too many Cluster redirections\. Last error: (?:\w*Error: )?(.*)$/s.exec(message);
  if (last) message = last[1]!;
  if (/^READONLY\b/.test(message)) return "read-only";
  if (/^OOM\b|maxmemory/.test(message)) return "full";
  if (/^(MOVED|ASK)\b|Too many Cluster redirections/.test(message)) return "moved";
  if (/timed? ?out|ETIMEDOUT/i.test(message)) return "timeout";
  if (
    /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|EPIPE|Connection is closed|max retries per request|isn't writeable|unreachable|CLUSTERDOWN|MASTERDOWN|LOADING|None of startup nodes|refresh slots|fetch failed|Failed to fetch/i.test(
      message,
    )
  )
    return "unreachable";
  return "other";
}

/**
 * Whether the store answered and refused (read-only, full, moved, not
 * confirmed by enough replicas), as opposed to not answering at all: the page
 * says which.
 */
export function isRefusal(kind: StoreErrorKind): boolean {
  return kind === "read-only" || kind === "full" || kind === "moved" || kind === "unconfirmed";
}
