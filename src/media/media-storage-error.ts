import { EdgelitApiError } from "../errors/api-error.ts";

/**
 * The error an element shows when the media storage (a bucket, a shared volume) fails to keep
 * its bytes: what went wrong in one line, without the request's URL or signature. The session
 * and the server are untouched: the next run tries again.
 *
 * @example
 * try { await bucket.setItemRaw(key, bytes); } catch (error) { throw mediaStorageError(error); }
 */
export function mediaStorageError(error: unknown): EdgelitApiError {
  if (error instanceof EdgelitApiError) return error;
  return new EdgelitApiError(
    `The media storage could not keep these bytes (${failureLine(error)}). Nothing else was lost: try again once it is back.`,
  );
}

/** One line naming the failure: a connection's error code, or the storage's HTTP status. */
function failureLine(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (typeof cause?.code === "string") return `unreachable: ${cause.code}`;
  const message = error instanceof Error ? error.message : String(error);
  // The S3 driver's message: "[s3] [PUT] <url>: 503 Slow Down <xml>"; keep its status alone.
  const status = /: (\d{3} [^<]*)/.exec(message);
  if (status) return `it answered ${status[1]!.trim()}`;
  return message.split("\n")[0]!.slice(0, 160);
}
