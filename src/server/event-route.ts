import { FastResponse } from "srvx";
import {
  SSE_HEARTBEAT,
  encodeSseFrame,
  type ErrorCode,
  type ServerMessage,
} from "../protocol/index.ts";
import { errorResponse, RequestError, tooManyRequests } from "./errors.ts";
import type { RateLimitVerdict } from "./rate-limit.ts";
import { handleRerun, type RerunContext } from "./handle-rerun.ts";
import { readRerunRequest, type EventLimits } from "./read-event.ts";
import { SameDelayTimers } from "./same-delay-timers.ts";
import { DRAINING_RETRY_AFTER_SECONDS, type EventGate } from "./event-gate.ts";
import { describeError } from "./server-log.ts";
import type { RunEnv } from "../runner/script-run.ts";
import type { EventRequest, RequestFacts } from "./event-visit.ts";

// nosniff on every answer: a browser must never read an event's JSON or stream as a page or script.
const NOSNIFF = { "x-content-type-options": "nosniff" };

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
  ...NOSNIFF,
};

const JSON_HEADERS = {
  "content-type": "application/json",
  "cache-control": "no-store",
  ...NOSNIFF,
};

const encoder = new TextEncoder();

/**
 * How long a run may take and still be answered in one piece. Most runs end
 * well within it, and a finished answer is cheaper as a single body than as a
 * stream; a longer run starts streaming at this point, so the page still sees
 * a slow script's elements as they come.
 */
const STREAM_AFTER_MS = 25;

/**
 * `POST /_edgelit/event`: answers with the run's messages as Server-Sent
 * Events, or, when the page asks with `accept: application/json` (behind a
 * proxy that buffers streams), as one JSON answer once the run is over.
 * Through `gate`: refused with 503 `draining` once the server shuts down,
 * and counted until its run is over.
 */
export async function eventRoute(
  request: Request,
  context: RerunContext,
  limits: EventLimits & { heartbeatMs: number },
  env?: RunEnv,
  newSession?: () => RateLimitVerdict,
  readFacts?: (request: Request, pageUrl: string | undefined) => Promise<RequestFacts>,
  gate?: EventGate,
): Promise<Response> {
  const leave = gate ? gate.enter() : () => {};
  if (!leave) return drainingRefusal();
  let over: Promise<unknown> = Promise.resolve();
  try {
    return await answerEvent(
      request,
      context,
      limits,
      env,
      newSession,
      readFacts,
      (run) => (over = run),
    );
  } finally {
    void over.finally(leave);
  }
}

/** The event route's answer; `track` is given the run once it is under way. */
async function answerEvent(
  request: Request,
  context: RerunContext,
  limits: EventLimits & { heartbeatMs: number },
  env: RunEnv | undefined,
  newSession: (() => RateLimitVerdict) | undefined,
  readFacts: ((request: Request, pageUrl: string | undefined) => Promise<RequestFacts>) | undefined,
  track: (run: Promise<unknown>) => void,
): Promise<Response> {
  const asJson = (request.headers.get("accept") ?? "").startsWith("application/json");
  let rerunRequest;
  try {
    rerunRequest = await readRerunRequest(request, limits);
  } catch (error) {
    if (error instanceof RequestError) return refusal(error.code, error.message);
    throw error;
  }
  if (rerunRequest.sessionId === null && newSession) {
    const verdict = newSession();
    if (!verdict.allowed)
      return withNosniff(tooManyRequests(verdict.retryAfterSeconds, "new sessions"));
  }

  // st.context and st.user: this request's headers, cookies, address and identity.
  if (readFacts) (rerunRequest as EventRequest).facts = await readFacts(request, rerunRequest.url);

  const buffered: string[] = [];
  const collected: ServerMessage[] = [];
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let open = true;
  const send = (messages: ServerMessage[]) => {
    if (asJson) return void collected.push(...messages);
    const text = messages.map(encodeSseFrame).join("");
    if (!controller) buffered.push(text);
    else if (open) controller.enqueue(encoder.encode(text));
  };
  // The page gone (it interrupted this run with a newer event, or closed): stop the run.
  // Watched only once a run outlives the quick-answer window: most never do.
  const gone: { aborted: boolean; onabort: (() => void) | null } = {
    aborted: false,
    onabort: null,
  };
  const leave = () => {
    if (gone.aborted) return;
    gone.aborted = true;
    gone.onabort?.();
  };
  const watchForDisconnect = () => request.signal?.addEventListener("abort", leave, { once: true });

  // Until the stream starts, nothing has left the server, so a run that lost a race can be taken back.
  const retract = () => {
    if (controller) return false;
    buffered.length = 0;
    collected.length = 0;
    return true;
  };
  const { ready, done } = handleRerun(
    context,
    rerunRequest,
    { send, retract, signal: gone },
    env ?? context.env,
  );
  try {
    await ready;
  } catch (error) {
    if (error instanceof RequestError) return refusal(error.code, error.message);
    context.log.error(`[edgelit] event failed before it started: ${describeError(error)}`);
    return refusal("internal", "The server failed to handle this event.");
  }
  const finished = done.catch((error) => {
    context.log.error(`[edgelit] event failed: ${describeError(error)}`);
    send([
      {
        type: "error",
        code: "internal",
        message: "The server failed while running the app; nothing was saved.",
      },
    ]);
  });
  track(finished);

  const quick = await settlesQuickly(finished);
  if (!quick) watchForDisconnect();
  if (asJson) {
    await finished;
    return new FastResponse(JSON.stringify({ messages: collected }), {
      headers: JSON_HEADERS,
    });
  }
  if (quick) return new FastResponse(buffered.join(""), { headers: SSE_HEADERS });

  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      streamController.enqueue(encoder.encode(buffered.join("")));
      heartbeat = setInterval(
        () => open && streamController.enqueue(encoder.encode(SSE_HEARTBEAT)),
        limits.heartbeatMs,
      );
    },
    // The page went away: the run stops at its next st.* call and saves nothing;
    // the page sends its changes again (carried, or retried under the same event id).
    cancel: () => {
      open = false;
      leave();
    },
  });
  void finished.finally(() => {
    clearInterval(heartbeat);
    if (open) controller?.close();
    open = false;
  });
  return new FastResponse(stream, { headers: SSE_HEADERS });
}

/** An event refused because the server is shutting down: the page sends it to another replica. */
function drainingRefusal(): Response {
  const response = refusal(
    "draining",
    "This server is shutting down; send the event again (to another server).",
  );
  response.headers.set("retry-after", String(DRAINING_RETRY_AFTER_SECONDS));
  return response;
}

/** An event refused before it ran: errors.ts's JSON answer, with nosniff. */
function refusal(code: ErrorCode, message: string): Response {
  return withNosniff(errorResponse(code, message));
}

function withNosniff(response: Response): Response {
  response.headers.set("x-content-type-options", "nosniff");
  return response;
}

/**
 * One timer for every event's quick-answer window, where a timer outlives the
 * request that set it (Node). Cloudflare Workers tie a timer to its request:
 * one set while an earlier request ran may never fire, so there each window
 * has its own.
 */
const quickWindow =
  (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ===
  "Cloudflare-Workers"
    ? undefined
    : new SameDelayTimers(STREAM_AFTER_MS);

/** True when `promise` settles within the quick-answer window, false once the window has passed. */
function settlesQuickly(promise: Promise<unknown>): Promise<boolean> {
  return new Promise((resolve) => {
    const timeUp = () => resolve(false);
    let cancel: () => void;
    if (quickWindow) cancel = quickWindow.start(timeUp);
    else {
      const timer = setTimeout(timeUp, STREAM_AFTER_MS);
      cancel = () => clearTimeout(timer);
    }
    void promise.then(() => {
      cancel();
      resolve(true);
    });
  });
}
