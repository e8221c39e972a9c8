import { createSignal, type Accessor } from "solid-js";
import { createStore, produce } from "solid-js/store";
import {
  PROTOCOL_VERSION,
  applyServerMessage,
  createElementTree,
  type ElementTree,
  type ServerMessage,
  type WidgetChange,
} from "../../src/protocol/index.ts";
import { createEventQueue, type EventQueue } from "./events.ts";
import { clearSessionId, readSessionId, storeSessionId } from "./session-id.ts";
import { deliverEvent, type UnreachableReason } from "./transport.ts";

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
}

const TOAST_MS = 5000;

/**
 * Creates the page's element tree and the event loop that keeps it in step
 * with the server.
 *
 * @example
 * const client = createClient();
 * client.queue.rerun(); // the page load's first event
 */
export function createClient(): Client {
  const [tree, setTree] = createStore<ElementTree>({ ...createElementTree(), sessionId: readSessionId() });
  const [settled, setSettled] = createSignal(0);
  const [offline, setOffline] = createSignal<UnreachableReason | false>(false);
  const [error, setError] = createSignal<string | null>(null);
  const [toasts, setToasts] = createSignal<Toast[]>([]);
  let nextToastId = 0;

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
        // A conflict is retried at once and a store outage with backoff, by the transport;
        // only other failures need the user's attention.
        if (message.code !== "conflict" && message.code !== "store_unavailable") setError(message.message);
        setSettled((count) => count + 1);
        return;
      case "finish":
        setSettled((count) => count + 1);
        return;
    }
  }

  function markUnreachable(reason: UnreachableReason): void {
    setOffline(reason);
    // The run may have half-arrived: ask for the whole tree next time.
    setTree({ lastRunId: null, running: false });
  }

  async function deliver(changes: WidgetChange[], afterExpiry = false): Promise<void> {
    // One id for every attempt at this event, so the server applies it once.
    const eventId = randomId();
    const outcome = await deliverEvent(
      () => ({ protocol: PROTOCOL_VERSION, sessionId: tree.sessionId, lastRunId: tree.lastRunId, eventId, changes }),
      { onMessage: apply, onUnreachable: markUnreachable },
    );
    setOffline(false);
    if (outcome.kind === "answered") return;
    if (outcome.code === "session_expired" && !afterExpiry) {
      // The changes were made against a page that no longer exists; start over.
      clearSessionId();
      setTree({ sessionId: null, lastRunId: null });
      showToast("Your session expired; a new one was started");
      return deliver([], true);
    }
    setError(outcome.message);
    setSettled((count) => count + 1); // widgets show the server's values again
  }

  return {
    tree,
    queue: createEventQueue((changes) => deliver(changes)),
    settled,
    offline,
    error,
    dismissError: () => setError(null),
    toasts,
  };
}

/** 96 random bits as hex; unlike crypto.randomUUID, available on plain-HTTP pages too. */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
