import { createSignal, type Accessor } from "solid-js";
import { createStore, produce } from "solid-js/store";
import {
  PROTOCOL_VERSION,
  applyServerMessage,
  markAllStale,
  createElementTree,
  type ElementTree,
  type ServerMessage,
  type Transport,
} from "../../../src/protocol/index.ts";
import {
  createEventQueue,
  randomId,
  type EventQueue,
  type Flight,
  type OutgoingEvent,
} from "./events.ts";
import { createSaveClock } from "./save-clock.ts";
import { createEventNumbers } from "./event-numbers.ts";
import { applyUrl, currentUrl, pushUrl } from "./location.ts";
import { browserContext } from "./browser-context.ts";
import { clearSessionId, readSessionId, storeSessionId } from "./session-id.ts";
import { deliverEvent, type UnreachableReason } from "../transports/transport.ts";
import { chooseTransport } from "../transports/choose.ts";

export interface Toast {
  id: number;
  text: string;
}

/** The page's state and the one way to change it: send an event. */
export interface Client {
  tree: ElementTree;
  queue: EventQueue;
  /** Counts finished (or failed) runs; widgets drop their local value when it moves. */
  settled: Accessor<number>;
  /** Why the pending event is being retried: the server, or its session store, is out of reach. */
  offline: Accessor<UnreachableReason | false>;
  error: Accessor<string | null>;
  dismissError(): void;
  toasts: Accessor<Toast[]>;
  /** Goes to a page of the app (`/settings`): a new history entry and one event, no page load. */
  navigate(href: string): void;
  /** The URL changed (a link, back or forward): send the event that draws the new page. */
  switchPage(): void;
  /** A page switch is under way: the old page's elements wait, faded, and take no input. */
  switchingPage: Accessor<boolean>;
}

const TOAST_MS = 5000;
/** What a page whose session was saved moments ago is told when the server no longer has it. */
const SESSION_LOST = "The session store lost your session; a new one was started";

/** Error codes the page handles by itself (a retry, a new session) without a banner. */
const QUIET_ERRORS: ReadonlySet<string> = new Set([
  "conflict",
  "store_unavailable",
  "store_refused",
  "session_expired",
]);

/**
 * Creates the page's element tree and the event loop that keeps it in step
 * with the server.
 *
 * @example
 * const client = createClient(config.transports);
 * client.queue.rerun(); // the page load's first event
 */
export function createClient(
  offeredTransports?: Transport[],
  eventTimeoutMs?: number,
  sessionTtlSeconds?: number,
): Client {
  const transports = chooseTransport(
    offeredTransports,
    eventTimeoutMs === undefined ? undefined : { eventTimeoutMs },
  );
  const [tree, setTree] = createStore<ElementTree>({
    ...createElementTree(),
    sessionId: readSessionId(),
  });
  const [settled, setSettled] = createSignal(0);
  const [offline, setOffline] = createSignal<UnreachableReason | false>(false);
  const [error, setError] = createSignal<string | null>(null);
  const [toasts, setToasts] = createSignal<Toast[]>([]);
  const [switchingPage, setSwitchingPage] = createSignal(false);
  let nextToastId = 0;
  const numbers = createEventNumbers();
  const saves = createSaveClock(sessionTtlSeconds);

  function showToast(text: string): void {
    const toast = { id: nextToastId++, text };
    setToasts((shown) => [...shown, toast]);
    setTimeout(() => setToasts((shown) => shown.filter((other) => other !== toast)), TOAST_MS);
  }

  function apply(message: ServerMessage): void {
    setOffline(false);
    setTree(produce((draft) => applyServerMessage(draft, message)));
    switch (message.type) {
      case "start":
        storeSessionId(message.sessionId);
        return;
      case "refused":
        showToast(message.message);
        return;
      case "error":
        // A conflict is retried at once and a store outage or refusal with backoff, by the
        // transport; an expired session starts a new one; only other failures need the user.
        if (!QUIET_ERRORS.has(message.code)) setError(message.message);
        setSettled((count) => count + 1);
        return;
      case "finish":
        // A session made anew under the same id (the store lost the record while the page was away).
        if (saves.finished(tree.sessionId, message.runId)) showToast(SESSION_LOST);
        setSettled((count) => count + 1);
        return;
      case "navigate":
        // Only a path of this server (the login routes): never another site.
        if (message.url.startsWith("/") && !message.url.startsWith("//"))
          location.assign(message.url);
        return;
    }
  }

  function markUnreachable(reason: UnreachableReason): void {
    setOffline(reason);
    // The run may have half-arrived: ask for the whole tree next time.
    setTree({ lastRunId: null, running: false });
  }

  async function deliver(event: OutgoingEvent, flight: Flight, afterExpiry = false): Promise<void> {
    // The URL this attempt named: a URL the server sends back applies only if the page still shows it.
    let sentUrl = currentUrl();
    const onMessage = (message: ServerMessage) => {
      if (message.type === "url") applyUrl(message, sentUrl);
      // The run that draws the page the user switched to has ended (an earlier event's has not).
      if ((message.type === "finish" || message.type === "error") && sentUrl === currentUrl())
        setSwitchingPage(false);
      if (message.type === "start") flight.setStreaming(true);
      if (message.type === "finish" || message.type === "error") flight.setStreaming(false);
      apply(message);
    };
    const outcome = await deliverEvent(
      () => ({
        protocol: PROTOCOL_VERSION,
        sessionId: tree.sessionId,
        lastRunId: tree.lastRunId,
        eventId: event.eventId,
        seq: { tab: numbers.tab, n: event.seq },
        changes: event.changes,
        ...(event.carried.length > 0 && { carried: event.carried }),
        ...(event.fragment && { fragment: event.fragment }),
        url: (sentUrl = currentUrl()),
        browser: browserContext(),
      }),
      {
        onMessage,
        onUnreachable(reason) {
          flight.setStreaming(false);
          markUnreachable(reason);
        },
        onResend() {
          // Sent again at once, with no banner: the run may have half-arrived, so ask for all of it.
          flight.setStreaming(false);
          setTree({ lastRunId: null });
        },
      },
      transports,
      flight.signal,
    );
    setOffline(false);
    if (outcome.kind === "answered") return;
    if (outcome.kind === "aborted") {
      // Its deltas were partial: the next answer must be complete. Still running: the next event follows.
      setTree({ lastRunId: null });
      return;
    }
    if (outcome.code === "session_expired" && !afterExpiry) {
      // The changes were made against a page that no longer exists; start over.
      clearSessionId();
      setTree({ sessionId: null, lastRunId: null });
      showToast(
        saves.couldHaveExpired() ? "Your session expired; a new one was started" : SESSION_LOST,
      );
      return deliver(
        { eventId: randomId(), seq: numbers.next(), changes: [], carried: [] },
        flight,
        true,
      );
    }
    // As a failed run: the tree stops fading and running, the banner shows, widgets show the server's values.
    apply({ type: "error", code: outcome.code, message: outcome.message });
    // Expired again right after starting anew: say so rather than loop.
    if (outcome.code === "session_expired") setError(outcome.message);
  }

  const queue = createEventQueue((event, flight) => deliver(event, flight), numbers.next);

  function switchPage(): void {
    // Fade the old page at once, before the run starts, and let nothing of it take input.
    setSwitchingPage(true);
    setTree(produce((draft) => markAllStale(draft)));
    queue.navigate();
  }

  return {
    tree,
    queue,
    settled,
    offline,
    error,
    dismissError: () => setError(null),
    toasts,
    navigate(href) {
      pushUrl(href);
      switchPage();
    },
    switchPage,
    switchingPage,
  };
}
