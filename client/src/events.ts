import type { WidgetChange } from "../../src/protocol/index.ts";

/**
 * The events waiting to be sent. One event is in flight at a time; what the
 * user does meanwhile queues here and is coalesced, so dragging a slider
 * during a slow run sends its last value once, not every value.
 */
export interface EventQueue {
  /** Queues a widget's new value; it replaces a queued value of the same widget. */
  change(change: WidgetChange): void;
  /** Queues a button click; clicks are never merged, two clicks are two events. */
  trigger(change: WidgetChange): void;
  /** Queues a rerun without changes, unless a queued event will rerun anyway. */
  rerun(): void;
  /** Whether a change of this widget waits behind the event in flight. */
  isQueued(widgetId: string): boolean;
}

interface Batch {
  changes: WidgetChange[];
  /** Holds a click: later changes go to a new batch so the click's run sees the values it was made with. */
  triggered: boolean;
}

/**
 * @example
 * const queue = createEventQueue((changes) => send(changes));
 * queue.change({ id: "step", value: 3 });
 */
export function createEventQueue(deliver: (changes: WidgetChange[]) => Promise<void>): EventQueue {
  const batches: Batch[] = [];
  let sending = false;

  async function drain(): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        try {
          await deliver(batch.changes);
        } catch (error) {
          console.error("edgelit: an event failed", error);
        }
      }
    } finally {
      sending = false;
    }
  }

  function openBatch(): Batch {
    const last = batches.at(-1);
    if (last && !last.triggered) return last;
    const batch: Batch = { changes: [], triggered: false };
    batches.push(batch);
    return batch;
  }

  return {
    change(change) {
      const batch = openBatch();
      const index = batch.changes.findIndex((queued) => queued.id === change.id);
      if (index === -1) batch.changes.push(change);
      else batch.changes[index] = change;
      void drain();
    },
    trigger(change) {
      const batch = openBatch();
      batch.changes.push(change);
      batch.triggered = true;
      void drain();
    },
    rerun() {
      if (batches.length === 0) batches.push({ changes: [], triggered: false });
      void drain();
    },
    isQueued(widgetId) {
      return batches.some((batch) => batch.changes.some((change) => change.id === widgetId));
    },
  };
}
