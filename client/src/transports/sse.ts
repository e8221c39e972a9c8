import type { RerunRequest, ServerMessage } from "../../../src/protocol/index.ts";
import { ABORTED, RESEND, type AttemptOutcome, type CreateTransport } from "./transport.ts";
import { postEvent, readAnswer } from "./http.ts";
import { createWatchdog, type Watchdog } from "./watchdog.ts";

/** A run at least this long shows whether its stream came progressively. */
const BUFFER_CHECK_MS = 500;
/** Answers in a row whose type a proxy rewrote before the page stops trusting the stream. */
const REWRITES_TO_GIVE_WAY = 2;

/**
 * Events as `POST ROUTES.event`, answered with Server-Sent Events. It gives
 * way when a proxy buffers the stream (a long run arrived all at once) or
 * keeps rewriting its type. An attempt silent past `eventTimeoutMs` (no
 * headers, then no frame or heartbeat) is given up and resent (RESEND).
 *
 * @example
 * const outcome = await createSseTransport(giveWay).send(request, apply, signal);
 */
export const createSseTransport: CreateTransport = (giveWay, settings) => {
  let rewritesInARow = 0;
  return {
    name: "sse",
    async send(request, onMessage, signal) {
      const watchdog = createWatchdog(settings.eventTimeoutMs, signal);
      try {
        const outcome = await stream(request, onMessage, watchdog);
        return outcome === ABORTED && watchdog.fired() ? RESEND : outcome;
      } finally {
        watchdog.stop();
      }
    },
  };

  async function stream(
    request: RerunRequest,
    onMessage: (message: ServerMessage) => void,
    watchdog: Watchdog,
  ): Promise<AttemptOutcome> {
    const signal = watchdog.signal;
    const response = await postEvent(request, "text/event-stream", signal);
    if (!(response instanceof Response)) return response;
    watchdog.heard();
    const type = response.headers.get("content-type") ?? "";
    rewritesInARow = type.startsWith("text/event-stream") ? 0 : rewritesInARow + 1;
    if (rewritesInARow >= REWRITES_TO_GIVE_WAY) giveWay("degraded");

    let startedAt = 0;
    return readAnswer(
      response,
      (message) => {
        const now = performance.now();
        if (message.type === "start") startedAt = now;
        // The server spent elapsedMs on the run; a stream that flowed spread its frames over it.
        if (
          message.type === "finish" &&
          message.elapsedMs >= BUFFER_CHECK_MS &&
          now - startedAt < message.elapsedMs / 4
        ) {
          giveWay("degraded");
        }
        // The run is over: what follows is the stream closing, not silence to watch.
        if (message.type === "finish" || message.type === "error") watchdog.stop();
        onMessage(message);
      },
      signal,
      watchdog.heard,
    );
  }
};
