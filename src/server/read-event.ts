import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  type CarriedEvent,
  type FragmentRequest,
  type RerunRequest,
  type WidgetChange,
} from "../protocol/index.ts";
import { isSessionId } from "../session/session-id.ts";
import { RequestError } from "./errors.ts";
import { isEventNumber, isEventSeq } from "./event-sequence.ts";
import { toBrowserContext } from "./read-browser.ts";

/** Limits on what an event request may carry. */
export interface EventLimits {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Most widget changes in one event. */
  maxChanges: number;
}

/**
 * Reads and checks an event request: same origin, the client header, a JSON
 * body of bounded size and the RerunRequest shape. Throws a RequestError with
 * a message meant for the person reading the browser console.
 */
export async function readRerunRequest(
  request: Request,
  limits: EventLimits,
): Promise<RerunRequest> {
  if (!request.headers.get(CLIENT_HEADER)) {
    throw new RequestError(
      "forbidden",
      `Event requests must carry the ${CLIENT_HEADER} header (sent by the edgelit page).`,
    );
  }
  const origin = request.headers.get("origin");
  if (origin && !isSameOrigin(origin, request)) {
    throw new RequestError(
      "forbidden",
      `Events from ${origin} are not accepted: this server only takes events from its own pages.`,
    );
  }
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) {
    throw new RequestError(
      "bad_request",
      "Event bodies must be JSON (content-type: application/json).",
    );
  }
  const text = await readTextWithin(request, limits.maxBytes);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RequestError("bad_request", "The event body is not valid JSON.");
  }
  return toRerunRequest(body, limits);
}

/** Checks an already-parsed event body (the WebSocket transport's) against the RerunRequest shape. */
export function toRerunRequest(body: unknown, limits: EventLimits): RerunRequest {
  if (!isObject(body))
    throw new RequestError("bad_request", "The event body must be a JSON object.");
  if (body.protocol !== PROTOCOL_VERSION) {
    throw new RequestError(
      "unsupported_protocol",
      `This server speaks protocol ${PROTOCOL_VERSION}; the page sent ${JSON.stringify(body.protocol)}. Reload the page.`,
    );
  }
  const { sessionId, lastRunId, eventId, seq, changes, carried, fragment, url } = body;
  const browser = toBrowserContext(body.browser);
  if (sessionId !== null && !isSessionId(sessionId)) {
    throw new RequestError(
      "bad_request",
      "sessionId must be null or a session id made by this server.",
    );
  }
  if (lastRunId !== null && (typeof lastRunId !== "string" || lastRunId.length > 64)) {
    throw new RequestError("bad_request", "lastRunId must be null or a run id.");
  }
  if (typeof eventId !== "string" || eventId.length === 0 || eventId.length > 64) {
    throw new RequestError(
      "bad_request",
      "eventId must be a string of 1 to 64 characters, the same on every retry of an event.",
    );
  }
  if (seq !== undefined && !isEventSeq(seq)) {
    throw new RequestError(
      "bad_request",
      "seq must be { tab, n }: the tab's id (base-36 time, a dot, up to 32 base-36 characters) and the event's number from 1, the same on every retry.",
    );
  }
  if (
    url !== undefined &&
    (typeof url !== "string" || !url.startsWith("/") || url.length > MAX_URL_CHARS)
  ) {
    throw new RequestError(
      "bad_request",
      `url must be the page's path and query, starting with "/", at most ${MAX_URL_CHARS} characters.`,
    );
  }
  checkChanges(changes, limits);
  if (carried !== undefined) {
    if (!Array.isArray(carried) || carried.length > MAX_CARRIED)
      throw new RequestError(
        "bad_request",
        `carried must be a list of at most ${MAX_CARRIED} earlier events.`,
      );
    for (const event of carried) {
      if (
        !isObject(event) ||
        typeof event.eventId !== "string" ||
        event.eventId.length === 0 ||
        event.eventId.length > 64
      ) {
        throw new RequestError("bad_request", "Each carried event must be { eventId, changes }.");
      }
      if (seq !== undefined && !(isEventNumber(event.seq) && event.seq < seq.n)) {
        throw new RequestError(
          "bad_request",
          "Each carried event of a numbered event must have its own seq, below the event's.",
        );
      }
      checkChanges(event.changes, limits);
    }
  }
  if (fragment !== undefined && !isFragmentRequest(fragment)) {
    throw new RequestError(
      "bad_request",
      "fragment must be { id: string, dismiss?: true }, the fragment the event reruns.",
    );
  }
  // Built by assignment, not by spreading optional parts: this runs on every event.
  const request: RerunRequest = {
    protocol: PROTOCOL_VERSION,
    sessionId,
    lastRunId,
    eventId,
    changes: changes as WidgetChange[],
  };
  if (seq !== undefined) request.seq = { tab: seq.tab, n: seq.n };
  if (carried !== undefined)
    request.carried = toCarried(carried as CarriedEvent[], seq !== undefined);
  if (fragment !== undefined)
    request.fragment = fragment.dismiss ? { id: fragment.id, dismiss: true } : { id: fragment.id };
  if (url !== undefined) request.url = url;
  if (browser) request.browser = browser;
  return request;
}

/** The carried events as the request's type has them: id, number (when the carrier is numbered), changes. */
function toCarried(carried: CarriedEvent[], numbered: boolean): CarriedEvent[] {
  return carried.map((event) =>
    numbered
      ? { eventId: event.eventId, seq: event.seq!, changes: event.changes }
      : { eventId: event.eventId, changes: event.changes },
  );
}

function isFragmentRequest(value: unknown): value is FragmentRequest {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    value.id.length > 0 &&
    value.id.length <= 512 &&
    (value.dismiss === undefined || value.dismiss === true)
  );
}

/** The longest page URL an event may name (browsers and proxies rarely pass longer ones). */
const MAX_URL_CHARS = 8192;

/** The most abandoned events one event may carry. */
const MAX_CARRIED = 50;

function checkChanges(changes: unknown, limits: EventLimits): asserts changes is WidgetChange[] {
  if (!Array.isArray(changes))
    throw new RequestError("bad_request", "changes must be an array of { id, value }.");
  if (changes.length > limits.maxChanges)
    throw new RequestError(
      "payload_too_large",
      `An event may change at most ${limits.maxChanges} widgets.`,
    );
  for (const change of changes) {
    if (
      !isObject(change) ||
      typeof change.id !== "string" ||
      change.id.length > 256 ||
      !("value" in change)
    ) {
      throw new RequestError("bad_request", "Each change must be { id: string, value }.");
    }
    if (!isShallow(change.value)) {
      throw new RequestError(
        "bad_request",
        `A change's value is nested more than ${MAX_VALUE_DEPTH} levels deep; no widget takes such a value.`,
      );
    }
  }
}

/** Far deeper than any widget value (a range of options is two levels, plus the options' own data). */
const MAX_VALUE_DEPTH = 32;

/**
 * True when `value` nests at most MAX_VALUE_DEPTH levels. Checked without
 * recursion: a value deep enough to overflow the stack is what it refuses
 * (JSON.stringify in a refusal's reason would otherwise throw).
 */
function isShallow(value: unknown): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth >= MAX_VALUE_DEPTH) return false;
    for (const inner of Object.values(item)) pending.push([inner, depth + 1]);
  }
  return true;
}

async function readTextWithin(request: Request, maxBytes: number): Promise<string> {
  const length = request.headers.get("content-length");
  const declared = Number(length ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  // A declared length is enforced by the HTTP layer, so the body can be read whole.
  if (length !== null && Number.isInteger(declared)) return request.text();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(maxBytes: number): RequestError {
  return new RequestError("payload_too_large", `The event body is larger than ${maxBytes} bytes.`);
}

/** True when the request's Origin is the server's own (as the Host header names it). */
export function isSameOrigin(origin: string, request: Request): boolean {
  const host =
    request.headers.get("x-forwarded-host") ??
    request.headers.get("host") ??
    new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
