import type { CreateTransport } from "./transport.ts";
import { postEvent, readAnswer } from "./http.ts";

/** A run at least this long shows whether its stream came progressively. */
const BUFFER_CHECK_MS = 500;
/** Answers in a row whose type a proxy rewrote before the page stops trusting the stream. */
const REWRITES_TO_GIVE_WAY = 2;

/**
 * Events as `POST ROUTES.event`, answered with Server-Sent Events. It gives
 * way when a proxy buffers the stream (a long run arrived all at once) or
 * keeps rewriting its type.
 *
 * @example
 * const outcome = await createSseTransport(giveWay).send(request, apply, signal);
 */
export const createSseTransport: CreateTransport = (giveWay) => {
  let rewritesInARow = 0;
  return {
    name: "sse",
    async send(request, onMessage, signal) {
      const response = await postEvent(request, "text/event-stream", signal);
      if (!(response instanceof Response)) return response;
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
          onMessage(message);
        },
        signal,
      );
    },
  };
};
