import type { ServerMessage, SocketEventMessage } from "../protocol/index.ts";
import { RequestError } from "./errors.ts";
import { handleRerun, type RerunContext } from "./handle-rerun.ts";
import type { RunEnv } from "../runner/script-run.ts";
import { toRerunRequest, type EventLimits } from "./read-event.ts";
import { describeError } from "./server-log.ts";
import type { ClientLimits } from "./client-limits.ts";
import type { EventGate } from "./event-gate.ts";
import type { EventRequest } from "./event-visit.ts";
import type { FactsReader } from "./request-facts.ts";

/** The close code for a message too big to process (RFC 6455, 7.4.1). */
export const TOO_LARGE = 1009;

/** The close code for a server going away to restart (IANA registry): the page reconnects at once, elsewhere. */
export const SERVICE_RESTART = 1012;

/** A close frame's reason holds at most 123 bytes of UTF-8. */
const MAX_CLOSE_REASON_BYTES = 123;

/** One open WebSocket as the event path sees it, whichever runtime holds it. */
export interface SocketPeer {
  send(text: string): void;
  close(code: number, reason: string): void;
  /** The connection's address, when the runtime gives it. */
  readonly remoteAddress: string | undefined;
  /** The upgrade request's `X-Forwarded-For`. */
  readonly forwardedFor: string | null;
  /**
   * The handshake, whose headers and cookies `st.context` and `st.user` read
   * (the page opens a new socket after a login or logout).
   */
  readonly request: Request | undefined;
}

/** What a runtime calls for each socket: every message is one whole event. */
export interface SocketEvents {
  /**
   * Runs the event a message carries and sends its answer on the same socket;
   * resolves once the run has ended and saved. `env` is the runtime's bindings
   * for `st.context.env` (a Worker's), by default the server's.
   */
  message(peer: SocketPeer, message: Uint8Array | string, env?: RunEnv): Promise<void>;
  /** The socket closed: its run in progress, if any, stops at its next `st.*` call. */
  close(peer: SocketPeer): void;
}

/**
 * The WebSocket transport's event path, shared by the Node route and a
 * Cloudflare Durable Object: each message is checked as a POST is (size,
 * shape, rate limits), refused with `draining` (close 1012) once `gate`
 * closes, and run by `handleRerun`, so sequence numbers and event ids make it
 * apply once whatever copy comes late. A newer event from the same socket
 * interrupts the run in progress. With `readFacts`, each event's facts are
 * read from the handshake in turn, so a socket's events start in the order
 * they came.
 *
 * @example
 * const events = createSocketEvents(context, limits, clientLimits, gate);
 * events.message(peer, await message.text());
 */
export function createSocketEvents(
  context: RerunContext,
  limits: EventLimits & { heartbeatMs?: number },
  clients?: ClientLimits,
  readFacts?: FactsReader,
  gate?: EventGate,
): SocketEvents {
  const running = new WeakMap<SocketPeer, AbortController>();
  const factsRead = new WeakMap<SocketPeer, Promise<unknown>>();

  function start(
    request: EventRequest,
    gone: AbortController,
    send: (messages: ServerMessage[]) => void,
    leave: () => void,
    env: RunEnv | undefined,
  ): Promise<void> {
    const { ready, done } = handleRerun(
      context,
      request,
      { send, retract: () => false, signal: gone.signal },
      env,
    );
    // While the run goes on, an empty batch now and then tells the page the server is alive (its
    // silence timeout then never gives up a long run, only a hung server).
    const heartbeat = limits.heartbeatMs
      ? setInterval(() => gone.signal.aborted || send([]), limits.heartbeatMs)
      : undefined;
    ready.catch((error: unknown) => {
      const refusal =
        error instanceof RequestError
          ? error
          : new RequestError("internal", "The server failed to handle this event.");
      send([{ type: "error", code: refusal.code, message: refusal.message }]);
    });
    return done
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
      .finally(() => {
        clearInterval(heartbeat);
        leave(); // the gate counts the run until it is over (see event-gate.ts)
      });
  }

  return {
    async message(peer, message, env) {
      const bytes = typeof message === "string" ? new TextEncoder().encode(message) : message;
      // The runtime may hold a larger limit of its own (ws takes 100 MiB): an event is held to the POST limit.
      if (bytes.byteLength > limits.maxBytes) {
        peer.close(
          TOO_LARGE,
          closeReason(`The event body is larger than ${limits.maxBytes} bytes.`),
        );
        return;
      }
      const send = (messages: ServerMessage[]) => peer.send(JSON.stringify(messages));
      let request;
      try {
        const text = typeof message === "string" ? message : new TextDecoder().decode(message);
        const parsed = JSON.parse(text) as Partial<SocketEventMessage>;
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
      const verdict =
        clients?.request(peer.remoteAddress, peer.forwardedFor) ?? ({ allowed: true } as const);
      const sessionVerdict =
        verdict.allowed && request.sessionId === null
          ? (clients?.newSession(peer.remoteAddress, peer.forwardedFor) ?? verdict)
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
      const event: EventRequest = request;
      const handshake = peer.request;
      if (!readFacts || !handshake) return start(event, gone, send, leave, env);
      // Never rejects: an event whose request cannot be read runs without it, and the next still waits its turn.
      const read = (factsRead.get(peer) ?? Promise.resolve())
        .then(() => readFacts(handshake, peer.remoteAddress, event.url))
        .then(
          (facts) => void (event.facts = facts),
          (error: unknown) =>
            context.log.error(
              `[edgelit] could not read a socket's request: ${describeError(error)}`,
            ),
        );
      factsRead.set(peer, read);
      await read;
      // A newer event of the page came meanwhile: this one is over before it starts.
      if (gone.signal.aborted) return leave();
      return start(event, gone, send, leave, env);
    },
    close(peer) {
      running.get(peer)?.abort();
    },
  };
}

// --- Internal helpers ---

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
