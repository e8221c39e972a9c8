import {
  CLIENT_HEADER,
  ROUTES,
  createSseParser,
  type ErrorBody,
  type ErrorCode,
  type RerunRequest,
  type ServerMessage,
} from "../../src/protocol/index.ts";

/** How one event ended, once the server could be reached. */
export type DeliveryOutcome =
  /** The stream ran to its `finish` or `error` message. */
  | { kind: "answered" }
  /** A non-2xx answer carrying an ErrorBody. */
  | { kind: "rejected"; code: ErrorCode; message: string };

/** `again`: the server asked for the same event once more (another replica won a race). */
type AttemptOutcome = DeliveryOutcome | Unreachable | { kind: "again" };

/** No answer: the server is out of reach, or answered that its session store is. */
type Unreachable = { kind: "unreachable"; reason: UnreachableReason };
export type UnreachableReason = "server" | "store";
const SERVER_UNREACHABLE: Unreachable = { kind: "unreachable", reason: "server" };
const STORE_UNREACHABLE: Unreachable = { kind: "unreachable", reason: "store" };

export interface DeliveryHandlers {
  /** Called for each message as it arrives, so the page renders progressively. */
  onMessage(message: ServerMessage): void;
  /** Called after each failed attempt, before waiting to retry. */
  onUnreachable(reason: UnreachableReason): void;
}

const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];

/**
 * Sends one event and streams its answer, retrying with backoff for as long as
 * the server cannot be reached. `buildRequest` runs before every attempt,
 * because a failed attempt changes what the request must say (lastRunId).
 *
 * @example
 * await deliverEvent(() => request, { onMessage: apply, onUnreachable: showOffline });
 */
export async function deliverEvent(
  buildRequest: () => RerunRequest,
  handlers: DeliveryHandlers,
): Promise<DeliveryOutcome> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptEvent(buildRequest(), handlers.onMessage);
    if (outcome.kind === "again") continue;
    if (outcome.kind !== "unreachable") return outcome;
    handlers.onUnreachable(outcome.reason);
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function attemptEvent(
  request: RerunRequest,
  onMessage: (message: ServerMessage) => void,
): Promise<AttemptOutcome> {
  let response: Response;
  try {
    response = await fetch(ROUTES.event, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
      body: JSON.stringify(request),
    });
  } catch {
    return SERVER_UNREACHABLE;
  }
  if (!response.ok) return readRejection(response);
  if (!response.body) return SERVER_UNREACHABLE;

  let ended = false;
  let outcome: AttemptOutcome = { kind: "answered" };
  const parse = createSseParser((message) => {
    if (message.type === "finish" || message.type === "error") ended = true;
    // The event id makes a repeat safe: the server applies the event once.
    if (message.type === "error" && message.code === "conflict") outcome = { kind: "again" };
    if (message.type === "error" && message.code === "store_unavailable") outcome = STORE_UNREACHABLE;
    onMessage(message);
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      break; // the connection dropped mid-stream
    }
    if (chunk.done) break;
    // Outside the try: a bug in applying a message must surface, not pass for
    // a network failure and loop forever.
    parse(decoder.decode(chunk.value, { stream: true }));
  }
  return ended ? outcome : SERVER_UNREACHABLE;
}

async function readRejection(response: Response): Promise<AttemptOutcome> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    // The store is down or slow: like an unreachable server, wait and try again.
    if (body.error?.code === "store_unavailable") return STORE_UNREACHABLE;
    if (body.error) return { kind: "rejected", code: body.error.code, message: body.error.message };
  } catch {
    // Not our JSON: a proxy's error page while the server restarts.
  }
  return SERVER_UNREACHABLE;
}
