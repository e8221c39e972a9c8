import {
  CLIENT_HEADER,
  ROUTES,
  createSseParser,
  type ErrorBody,
  type RerunRequest,
  type ServerMessage,
} from "../../../src/protocol/index.ts";
import {
  ABORTED,
  DRAINING,
  SERVER_UNREACHABLE,
  STORE_REFUSED,
  STORE_UNREACHABLE,
  endOfRun,
  type AttemptOutcome,
} from "./transport.ts";

/** `POST ROUTES.event`: the answer when it is a 2xx, else how the attempt ended. */
export async function postEvent(
  request: RerunRequest,
  accept: string,
  signal: AbortSignal,
): Promise<Response | AttemptOutcome> {
  try {
    const response = await fetch(ROUTES.event, {
      method: "POST",
      headers: { "content-type": "application/json", accept, [CLIENT_HEADER]: "1" },
      body: JSON.stringify(request),
      signal,
    });
    return response.ok ? response : await readRejection(response);
  } catch {
    return signal.aborted ? ABORTED : SERVER_UNREACHABLE;
  }
}

async function readRejection(response: Response): Promise<AttemptOutcome> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    // The store is down or slow: like an unreachable server, wait and try again.
    if (body.error?.code === "store_unavailable") return STORE_UNREACHABLE;
    if (body.error?.code === "store_refused") return STORE_REFUSED;
    // This server is shutting down: another one runs the event.
    if (body.error?.code === "draining") return DRAINING;
    if (body.error) return { kind: "rejected", code: body.error.code, message: body.error.message };
  } catch {
    // Not our JSON: a proxy's error page while the server restarts.
  }
  return SERVER_UNREACHABLE;
}

/**
 * Reads a 2xx answer to its end, by its type: a JSON `{ messages }` answer at
 * once, anything else as SSE frames as they arrive (a proxy may have renamed
 * the stream's type without changing it). `heard` is told of every chunk,
 * heartbeats included.
 */
export async function readAnswer(
  response: Response,
  onMessage: (message: ServerMessage) => void,
  signal: AbortSignal,
  heard?: () => void,
): Promise<AttemptOutcome> {
  let end: AttemptOutcome | null = null;
  const receive = (message: ServerMessage) => {
    if (signal.aborted) return; // the rest of a chunk the page no longer wants
    end = endOfRun(message) ?? end;
    onMessage(message);
  };

  if ((response.headers.get("content-type") ?? "").startsWith("application/json")) {
    let messages: ServerMessage[];
    try {
      messages = ((await response.json()) as { messages: ServerMessage[] }).messages;
    } catch {
      return signal.aborted ? ABORTED : SERVER_UNREACHABLE;
    }
    if (signal.aborted) return ABORTED;
    messages.forEach(receive);
    return end ?? SERVER_UNREACHABLE;
  }

  if (!response.body) return SERVER_UNREACHABLE;
  const parse = createSseParser(receive);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      break; // the connection dropped mid-stream, or the page abandoned the event
    }
    if (chunk.done || signal.aborted) break;
    heard?.();
    // Outside the try: a bug in applying a message must surface, not pass for
    // a network failure and loop forever.
    parse(decoder.decode(chunk.value, { stream: true }));
  }
  if (signal.aborted) return ABORTED;
  return end ?? SERVER_UNREACHABLE;
}
