import { FastResponse } from "srvx";
import type { ErrorBody, ErrorCode } from "../protocol/index.ts";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unsupported_protocol: 400,
  unsupported_media_type: 415,
  not_found: 404,
  forbidden: 403,
  session_expired: 404,
  payload_too_large: 413,
  conflict: 409,
  run_timeout: 500,
  store_unavailable: 503,
  store_refused: 503,
  too_many_requests: 429,
  draining: 503,
  internal: 500,
};

/** A request the server refuses, with the code and message the client shows. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RequestError";
  }
}

/**
 * A request over a client's rate limit: 429 with `retry-after` (whole seconds),
 * and a message that says how long to wait.
 */
export function tooManyRequests(retryAfterSeconds: number, what = "requests"): Response {
  const response = errorResponse(
    "too_many_requests",
    `Too many ${what} from your address; try again in ${retryAfterSeconds} s.`,
  );
  response.headers.set("retry-after", String(retryAfterSeconds));
  return response;
}

/** The JSON answer for a refused request. */
export function errorResponse(code: ErrorCode, message: string): Response {
  const body: ErrorBody = { error: { code, message } };
  const headers: Record<string, string> = { "cache-control": "no-store" };
  // A body refused for its size may be unread on the connection: close it, or
  // the next request on it would be read as the rest of this one.
  if (code === "payload_too_large") headers.connection = "close";
  headers["content-type"] = "application/json";
  return new FastResponse(JSON.stringify(body), { status: STATUS[code], headers });
}
