import { defineWebSocketHandler } from "h3";
import type { ServerMessage, SocketEventMessage } from "../protocol/index.ts";
import { RequestError } from "./errors.ts";
import { handleRerun, type RerunContext } from "./handle-rerun.ts";
import { isSameOrigin, toRerunRequest, type EventLimits } from "./read-event.ts";
import { describeError } from "./server-log.ts";
import type { ClientLimits } from "./client-limits.ts";
import type { EventGate } from "./event-gate.ts";
import type { EventRequest } from "./event-visit.ts";
import type { FactsReader } from "./request-facts.ts";

/** The close code for a message too big to process (RFC 6455, 7.4.1). */
const TOO_LARGE = 1009;

/** The close code for a server going away to restart (IANA registry): the page reconnects at once, elsewhere. */
export const SERVICE_RESTART = 1012;

/** A close frame's reason holds at most 123 bytes of UTF-8. */
const MAX_CLOSE_REASON_BYTES = 123;

/**
 * `GET /_edgelit/ws`: the WebSocket transport, for networks whose proxies
 * buffer streamed answers. Every message is one whole event (session id and
 * all), so the server keeps nothing per socket but the run in progress,
 * which a newer event from the same page interrupts. Once `gate` closes (the
 * server drains), an event is refused with `draining` and the socket closed
 * with 1012, so the page sends it again on a socket to another replica.
 */
export function socketRoute(
  context: RerunContext,
  limits: EventLimits,
  clients?: ClientLimits,
  readFacts?: FactsReader,
  gate?: EventGate,
) {
  const running = new WeakMap<object, AbortController>();
  // Each event's facts are read in turn, so the socket's events start in the order they came.
  const factsRead = new WeakMap<object, Promise<unknown>>();
  return defineWebSocketHandler({
    // A WebSocket cannot carry the page's own header, so the browser-set Origin is what keeps other sites out.
    upgrade(request) {
      const origin = request.headers.get("origin");
      if (!origin || !isSameOrigin(origin, request)) {
        return new Response(
          "WebSocket connections are only accepted from this server's own pages.",
          { status: 403 },
        );
      }
    },
    message(peer, message) {
      // The runtime may hold a larger limit of its own (ws takes 100 MiB): an event is held to the POST limit.
      if (message.uint8Array().byteLength > limits.maxBytes) {
        peer.close(
          TOO_LARGE,
          closeReason(`The event body is larger than ${limits.maxBytes} bytes.`),
        );
        return;
      }
      const send = (messages: ServerMessage[]) => peer.send(JSON.stringify(messages));
      let request;
      try {
        const parsed = JSON.parse(message.text()) as Partial<SocketEventMessage>;
        if (parsed.type !== "event")
          throw new RequestError(
            "bad_request",
            'WebSocket messages must be { type: "event", request }.',
          );
        request = toRerunRequest(parsed.request, limits);
      } catch (error) {
        const refusal =
          error instanceof RequestError
            ? error
            : new RequestError("bad_request", "The message is not valid JSON.");
        send([{ type: "error", code: refusal.code, message: refusal.message }]);
        return;
      }
      // Each message is an event, limited as a POST is (the upgrade was counted as one request).
      const forwardedFor = peer.request.headers.get("x-forwarded-for");
      const verdict =
        clients?.request(peer.remoteAddress, forwardedFor) ?? ({ allowed: true } as const);
      const sessionVerdict =
        verdict.allowed && request.sessionId === null
          ? (clients?.newSession(peer.remoteAddress, forwardedFor) ?? verdict)
          : verdict;
      if (!sessionVerdict.allowed) {
        const what = verdict.allowed ? "new sessions" : "requests";
        send([
          {
            type: "error",
            code: "too_many_requests",
            message: `Too many ${what} from your address; try again in ${sessionVerdict.retryAfterSeconds} s.`,
          },
        ]);
        return;
      }
      const leave = gate ? gate.enter() : () => {};
      if (!leave) {
        send([
          {
            type: "error",
            code: "draining",
            message: "This server is shutting down; send the event again (to another server).",
          },
        ]);
        peer.close(SERVICE_RESTART, "draining");
        return;
      }
      running.get(peer)?.abort();
      const gone = new AbortController();
      running.set(peer, gone);
      // st.context and st.user: a socket carries the headers and cookies of its handshake, so the
      // page opens a new one after a login or logout (see the client's websocket transport).
      const event: EventRequest = request;
      if (readFacts) {
        // Never rejects: an event whose request cannot be read runs without it, and the next still waits its turn.
        const read = (factsRead.get(peer) ?? Promise.resolve())
          .then(() => readFacts(peer.request as Request, peer.remoteAddress, event.url))
          .then(
            (facts) => void (event.facts = facts),
            (error: unknown) =>
              context.log.error(
                `[edgelit] could not read a socket's request: ${describeError(error)}`,
              ),
          );
        factsRead.set(peer, read);
        // A newer event of the page came meanwhile: this one is over before it starts.
        void read.then(() => (gone.signal.aborted ? leave() : start(event, gone, send, leave)));
      } else start(event, gone, send, leave);
    },
    close(peer) {
      running.get(peer)?.abort();
    },
  });

  function start(
    request: EventRequest,
    gone: AbortController,
    send: (messages: ServerMessage[]) => void,
    leave: () => void,
  ): void {
    const { ready, done } = handleRerun(context, request, {
      send,
      retract: () => false,
      signal: gone.signal,
    });
    ready.catch((error: unknown) => {
      const refusal =
        error instanceof RequestError
          ? error
          : new RequestError("internal", "The server failed to handle this event.");
      send([{ type: "error", code: refusal.code, message: refusal.message }]);
    });
    done
      .catch((error: unknown) => {
        context.log.error(`[edgelit] event failed: ${describeError(error)}`);
        send([
          {
            type: "error",
            code: "internal",
            message: "The server failed while running the app; nothing was saved.",
          },
        ]);
      })
      .finally(leave); // the gate counts the run until it is over (see event-gate.ts)
  }
}

/** `reason`, cut to what a close frame can carry, never inside a character. */
function closeReason(reason: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(reason).byteLength <= MAX_CLOSE_REASON_BYTES) return reason;
  let cut = "";
  for (const character of reason) {
    if (encoder.encode(cut + character).byteLength > MAX_CLOSE_REASON_BYTES) break;
    cut += character;
  }
  return cut;
}
