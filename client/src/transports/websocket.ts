import {
  LOGIN_MARK_COOKIE,
  ROUTES,
  type RerunRequest,
  type ServerMessage,
  type SocketEventMessage,
} from "../../../src/protocol/index.ts";
import {
  ABORTED,
  RESEND,
  SERVER_UNREACHABLE,
  endOfRun,
  type AttemptOutcome,
  type CreateTransport,
} from "./transport.ts";
import { createWatchdog, type Watchdog } from "./watchdog.ts";

/** The close code of a server that drains (see the socket route): not a lost connection. */
const SERVICE_RESTART = 1012;

/** A socket still connecting after this long is as good as refused (a proxy holding the upgrade). */
const OPEN_TIMEOUT_MS = 10_000;
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000];

interface PendingEvent {
  request: RerunRequest;
  onMessage(message: ServerMessage): void;
  /** Its `start` arrived; what comes before belongs to a run the page interrupted. */
  started: boolean;
  /** Gives the attempt up when the socket stays silent (no message, no heartbeat) too long. */
  watchdog: Watchdog;
  settle(outcome: AttemptOutcome): void;
}

/**
 * Events over one WebSocket per tab to `ROUTES.socket`, opened at once and
 * reopened with backoff when it closes. A new event on the socket interrupts
 * the run in progress, so the page sends it without waiting. While the socket
 * is closed, an attempt ends unreachable and waits like any other. A socket
 * that never opened gives way: a proxy refuses the upgrade.
 *
 * @example
 * const outcome = await createWebSocketTransport(giveWay).send(request, apply, signal);
 */
export const createWebSocketTransport: CreateTransport = (giveWay, settings) => {
  let socket: WebSocket | null = null;
  let everOpened = false;
  let gaveWay = false;
  let reconnects = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: PendingEvent | null = null;
  /** The login mark the socket opened with (see LOGIN_MARK_COOKIE). */
  let openedWithMark = "";

  const sendPending = () => {
    if (pending && socket?.readyState === WebSocket.OPEN) {
      socket.send(
        JSON.stringify({ type: "event", request: pending.request } satisfies SocketEventMessage),
      );
    }
  };

  function connect(): void {
    clearTimeout(reconnectTimer);
    const url = new URL(ROUTES.socket, location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    openedWithMark = loginMark();
    const opened = new WebSocket(url);
    socket = opened;
    const timeout = setTimeout(() => opened.close(), OPEN_TIMEOUT_MS);
    opened.onopen = () => {
      clearTimeout(timeout);
      everOpened = true;
      reconnects = 0;
      sendPending();
    };
    opened.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data === "string") receive(event.data);
    };
    // An error is always followed by close.
    opened.onclose = (event: CloseEvent) => {
      clearTimeout(timeout);
      if (socket !== opened) return;
      socket = null;
      if (!everOpened) gaveWay ||= giveWay("unavailable");
      // The server is shutting down (it ran nothing it refused): reconnect at once, through the
      // balancer to another replica, and the event waiting goes on the new socket.
      if (event.code === SERVICE_RESTART && !gaveWay) return connect();
      pending?.settle(SERVER_UNREACHABLE);
      if (gaveWay) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(reconnects++, RECONNECT_DELAYS_MS.length - 1)];
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  function receive(data: string): void {
    let batch: ServerMessage[];
    try {
      batch = JSON.parse(data) as ServerMessage[];
    } catch {
      return console.warn("edgelit: ignoring an unreadable socket message");
    }
    // Any batch is a sign of life, the heartbeat's empty one too: the silence starts again.
    pending?.watchdog.heard();
    for (const message of batch) {
      const event = pending;
      if (!event) continue; // the end of an abandoned run
      if (!event.started) {
        if (message.type === "error") {
          // Before its run started: a refusal, like an HTTP error on the POST.
          const end = endOfRun(message) ?? SERVER_UNREACHABLE;
          event.settle(
            end.kind === "answered"
              ? { kind: "rejected", code: message.code, message: message.message }
              : end,
          );
          continue;
        }
        if (message.type !== "start") continue; // the rest of the run this event interrupted
        event.started = true;
      }
      event.onMessage(message);
      const end = endOfRun(message);
      if (end) event.settle(end);
    }
  }

  connect();
  return {
    name: "websocket",
    send(request, onMessage, signal) {
      return new Promise<AttemptOutcome>((resolve) => {
        const watchdog = createWatchdog(settings.eventTimeoutMs, signal);
        const event: PendingEvent = {
          request,
          onMessage,
          started: false,
          watchdog,
          settle(outcome) {
            if (pending === event) pending = null;
            watchdog.stop();
            watchdog.signal.removeEventListener("abort", abandon);
            resolve(outcome);
          },
        };
        // Given up by the page: nothing to send, the next event on the socket interrupts this
        // one's run. Given up for silence (a hung server behind the socket): drop the socket, so
        // the same event goes out on a new one, through the balancer to another server.
        const abandon = () => {
          if (!watchdog.fired()) return event.settle(ABORTED);
          const silent = socket;
          socket = null;
          silent?.close();
          event.settle(RESEND);
        };
        if (watchdog.signal.aborted) return abandon();
        watchdog.signal.addEventListener("abort", abandon);
        pending = event;
        // A login or logout since the socket opened: its handshake's cookies are stale.
        if (socket && loginMark() !== openedWithMark) {
          socket.close();
          socket = null;
        }
        if (!socket) connect(); // closed and waiting to reconnect: the event should not wait longer
        else sendPending(); // or on open
      });
    },
  };
};

/** The login mark cookie's value, or "" (see LOGIN_MARK_COOKIE). */
function loginMark(): string {
  for (const part of document.cookie.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOGIN_MARK_COOKIE) return value ?? "";
  }
  return "";
}
