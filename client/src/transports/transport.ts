import type {
  ErrorCode,
  RerunRequest,
  ServerMessage,
  Transport,
} from "../../../src/protocol/index.ts";
import type { TransportChoice } from "./choose.ts";

/** How one event ended, once the server could be reached. */
export type DeliveryOutcome =
  /** The run ran to its `finish` or `error` message. */
  | { kind: "answered" }
  /** Refused before its run started (an HTTP error, or an `error` first on the socket). */
  | { kind: "rejected"; code: ErrorCode; message: string }
  /** The page gave up on it: the user acted while its run streamed. */
  | { kind: "aborted" };

/**
 * How one attempt ended. `again`: the server asked for the same event once
 * more (another replica won a race).
 */
export type AttemptOutcome =
  | DeliveryOutcome
  | Unreachable
  | { kind: "again" }
  | { kind: "resend" }
  | { kind: "draining" };

/**
 * The attempt is lost and the page cannot tell how far it got: the server fell
 * silent past the event timeout (a hung replica). The same event (same number)
 * goes again at once, quietly: the server applies it once, and a balancer
 * sends it to another replica.
 */
export const RESEND: AttemptOutcome = { kind: "resend" };
/**
 * The server is shutting down (503 `draining`) and ran nothing: the event
 * goes again, quietly (a balancer sends it to another replica; the draining
 * one soon stops listening).
 */
export const DRAINING: AttemptOutcome = { kind: "draining" };

/** No answer: the server is out of reach, or answered that its session store is. */
type Unreachable = { kind: "unreachable"; reason: UnreachableReason };
export type UnreachableReason = "server" | "store" | "store-refused";
export const SERVER_UNREACHABLE: Unreachable = { kind: "unreachable", reason: "server" };
export const STORE_UNREACHABLE: Unreachable = { kind: "unreachable", reason: "store" };
/** The store answered but refused the save (read-only, full): retried like an outage, told apart. */
export const STORE_REFUSED: Unreachable = { kind: "unreachable", reason: "store-refused" };
export const ANSWERED: AttemptOutcome = { kind: "answered" };
export const ABORTED: AttemptOutcome = { kind: "aborted" };

/** One way of carrying events to the server and runs back: SSE, JSON or a WebSocket. */
export interface EventTransport {
  readonly name: Transport;
  /** Sends one attempt of an event, passing each message on as it arrives; `signal` abandons it. */
  send(
    request: RerunRequest,
    onMessage: (message: ServerMessage) => void,
    signal: AbortSignal,
  ): Promise<AttemptOutcome>;
}

/**
 * Why a transport gives way to the next: it cannot connect at all (a proxy
 * refuses the upgrade), or its answers are not progressive (a proxy buffers
 * or rewrites the stream).
 */
export type Unsuitability = "unavailable" | "degraded";

/** What the server told the page about its transports (ClientConfig). */
export interface TransportSettings {
  /** Silence (no first byte, no message or heartbeat) after which an attempt is given up and resent; 0 never. */
  eventTimeoutMs: number;
}

/** Makes a transport; it calls `giveWay` when it finds it does not work on this network, and stops if that returns true. */
export type CreateTransport = (
  giveWay: (why: Unsuitability) => boolean,
  settings: TransportSettings,
) => EventTransport;

/** What a run's last message says about its event; null while the run goes on. */
export function endOfRun(message: ServerMessage): AttemptOutcome | null {
  if (message.type === "finish") return ANSWERED;
  if (message.type !== "error") return null;
  // The event id makes a repeat safe: the server applies the event once.
  if (message.code === "conflict") return { kind: "again" };
  if (message.code === "store_unavailable") return STORE_UNREACHABLE;
  if (message.code === "store_refused") return STORE_REFUSED;
  // The session vanished while the event ran (evicted): start a new one, as for an expired one.
  if (message.code === "session_expired")
    return { kind: "rejected", code: message.code, message: message.message };
  if (message.code === "draining") return DRAINING;
  return ANSWERED;
}

export interface DeliveryHandlers {
  /** Called for each message as it arrives, so the page renders progressively. */
  onMessage(message: ServerMessage): void;
  /** Called after each failed attempt, before waiting to retry. */
  onUnreachable(reason: UnreachableReason): void;
  /** Called when an attempt is lost part way and the event is sent again at once (see RESEND). */
  onResend(): void;
}

const RETRY_DELAYS_MS = [500, 1000, 2000, 5000];
/** Resends in a row that stay quiet; past them the page says the server is out of reach (and backs off). */
const QUIET_RESENDS = 2;
/** Waits before sending again to a draining server, by how many times in a row it answered so: the first is at once. */
const DRAINING_DELAYS_MS = [0, 100, 250, 500, 1000];

/**
 * Sends one event and streams its answer, retrying with backoff for as long as
 * the server cannot be reached. `buildRequest` runs before every attempt,
 * because a failed attempt changes what the request must say (lastRunId).
 *
 * @example
 * await deliverEvent(() => request, { onMessage: apply, onUnreachable: showOffline }, transports, signal);
 */
export async function deliverEvent(
  buildRequest: () => RerunRequest,
  handlers: DeliveryHandlers,
  transports: TransportChoice,
  signal: AbortSignal,
): Promise<DeliveryOutcome> {
  let resends = 0;
  let drainingAnswers = 0;
  for (let attempt = 0; ; attempt++) {
    const transport = transports.current();
    let outcome = await transport.send(buildRequest(), handlers.onMessage, signal);
    if (outcome.kind === "again") continue;
    if (outcome.kind === "draining") {
      // A shutdown lasts at most its drain time; then the balancer finds the server gone by itself.
      const delay = DRAINING_DELAYS_MS[Math.min(drainingAnswers++, DRAINING_DELAYS_MS.length - 1)];
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      continue;
    }
    if (outcome.kind === "resend") {
      handlers.onResend();
      if (++resends <= QUIET_RESENDS) continue;
      outcome = SERVER_UNREACHABLE;
    }
    if (outcome.kind !== "unreachable") return outcome;
    if (transports.current() !== transport) continue; // it gave way (a refused socket): resend at once
    handlers.onUnreachable(outcome.reason);
    const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)];
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
