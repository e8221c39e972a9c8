import type { CarriedEvent, FragmentRequest, WidgetChange } from "../../../src/protocol/index.ts";

/** An event as sent: its id stays the same on every attempt, so the server applies it once. */
export interface OutgoingEvent extends CarriedEvent {
  /** Its number in this page load's order (see EventNumbers). */
  seq: number;
  /** Events abandoned before it (their runs were interrupted), oldest first. */
  carried: CarriedEvent[];
  /** The fragment it reruns alone, when all its changes come from one (or its timer fired). */
  fragment?: FragmentRequest;
}

/** The event in flight, as its sender sees it. */
export interface Flight {
  /** Aborted when the user acts while the event's run streams: the next event carries this one. */
  readonly signal: AbortSignal;
  /** Whether its run is streaming (`start` arrived, no `finish` yet); only then does a change interrupt it. */
  setStreaming(streaming: boolean): void;
}

/**
 * The events waiting to be sent. One event is in flight at a time; what the
 * user does meanwhile queues here and is coalesced, so dragging a slider
 * during a slow run sends its last value once, not every value. Once the
 * run in flight streams, a change interrupts it, as in Streamlit.
 */
export interface EventQueue {
  /**
   * Queues a widget's new value; it replaces a queued value of the same widget.
   * `fragment`: the fragment the widget is in (an event of only its widgets reruns only it).
   */
  change(change: WidgetChange, fragment?: string): void;
  /** Queues a button click; clicks are never merged, two clicks are two events. */
  trigger(change: WidgetChange, fragment?: string): void;
  /** Queues a form's submit: its held values, then its submit button's click, in one event (scoped to the form's fragment, if any). */
  submit(changes: WidgetChange[], fragment?: string): void;
  /** A fragment's `runEvery` timer fired: rerun it, unless an event is in flight or queued (ticks never pile up). */
  tick(fragment: string): void;
  /** The user dismissed a dialog: tell the server, so its reruns do not reopen it. */
  dismiss(fragment: string): void;
  /** Queues a rerun without changes, unless a queued event will rerun anyway. It never interrupts. */
  rerun(): void;
  /** The user went to another page (a link, back or forward): rerun at the new URL, stopping a run that streams. */
  navigate(): void;
  /** Whether a change of this widget waits behind the event in flight. */
  isQueued(widgetId: string): boolean;
}

interface Batch {
  changes: WidgetChange[];
  /** Holds a click: later changes go to a new batch so the click's run sees the values it was made with. */
  triggered: boolean;
  /** The fragment all its changes come from; null when any comes from outside it (the whole app reruns). */
  fragment: string | null;
  dismiss?: true;
  /** The user changed pages: like a change, it interrupts a run that streams. */
  navigated?: boolean;
}

/**
 * @example
 * const queue = createEventQueue((event, flight) => send(event, flight.signal), numbers.next);
 * queue.change({ id: "step", value: 3 });
 */
export function createEventQueue(
  deliver: (event: OutgoingEvent, flight: Flight) => Promise<void>,
  nextNumber: () => number,
): EventQueue {
  const batches: Batch[] = [];
  let sending = false;
  let inFlight: { abort: AbortController; streaming: boolean; interruptible: boolean } | null =
    null;

  async function drain(): Promise<void> {
    if (sending) return;
    sending = true;
    let carried: CarriedEvent[] = [];
    try {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const event: OutgoingEvent = {
          eventId: randomId(),
          seq: nextNumber(),
          changes: batch.changes,
          carried,
          ...(batch.fragment !== null && {
            fragment: { id: batch.fragment, ...(batch.dismiss && { dismiss: true as const }) },
          }),
        };
        // A fragment's timer never interrupts, nor is interrupted: it is short, and an
        // interrupted run makes the next event redraw the whole page.
        const flight = {
          abort: new AbortController(),
          streaming: false,
          interruptible: batch.changes.length > 0 || batch.fragment === null,
        };
        inFlight = flight;
        try {
          await deliver(event, {
            signal: flight.abort.signal,
            setStreaming(streaming) {
              flight.streaming = streaming;
              // The user acted before this run began: do not make them wait for all of it. After the
              // messages that came with the start, so a run that came whole (JSON) is kept.
              if (streaming)
                queueMicrotask(
                  () =>
                    batches.some((queued) => queued.changes.length > 0 || queued.navigated) &&
                    interrupt(),
                );
            },
          });
        } catch (error) {
          console.error("edgelit: an event failed", error);
        }
        inFlight = null;
        // Its run may or may not have been saved; the server applies a carried event only if it was not.
        carried = flight.abort.signal.aborted
          ? [...event.carried, { eventId: event.eventId, seq: event.seq, changes: event.changes }]
          : [];
      }
    } finally {
      sending = false;
      inFlight = null;
    }
  }

  function openBatch(fragment: string | null): Batch {
    const last = batches.at(-1);
    if (last && !last.triggered) {
      // Changes of two places (another fragment, or outside one) rerun the whole app.
      if (last.fragment !== fragment) last.fragment = null;
      return last;
    }
    const batch: Batch = { changes: [], triggered: false, fragment };
    batches.push(batch);
    return batch;
  }

  /** The user acted: a run already streaming would only show stale values, so stop it. */
  function interrupt(): void {
    if (inFlight?.streaming && inFlight.interruptible) inFlight.abort.abort();
  }

  function replaceOrAdd(batch: Batch, change: WidgetChange): void {
    const index = batch.changes.findIndex((queued) => queued.id === change.id);
    if (index === -1) batch.changes.push(change);
    else batch.changes[index] = change;
  }

  return {
    change(change, fragment) {
      replaceOrAdd(openBatch(fragment ?? null), change);
      interrupt();
      void drain();
    },
    trigger(change, fragment) {
      const batch = openBatch(fragment ?? null);
      batch.changes.push(change);
      batch.triggered = true;
      interrupt();
      void drain();
    },
    submit(changes, fragment) {
      const batch = openBatch(fragment ?? null);
      for (const change of changes) replaceOrAdd(batch, change);
      batch.triggered = true;
      interrupt();
      void drain();
    },
    rerun() {
      if (batches.length === 0) batches.push({ changes: [], triggered: false, fragment: null });
      void drain();
    },
    tick(fragment) {
      if (sending || batches.length > 0) return;
      batches.push({ changes: [], triggered: false, fragment });
      void drain();
    },
    dismiss(fragment) {
      batches.push({ changes: [], triggered: true, fragment, dismiss: true });
      void drain();
    },
    navigate() {
      // A page change reruns the whole app.
      openBatch(null).navigated = true;
      interrupt();
      void drain();
    },
    isQueued(widgetId) {
      return batches.some((batch) => batch.changes.some((change) => change.id === widgetId));
    },
  };
}

/** 96 random bits as hex; unlike crypto.randomUUID, available on plain-HTTP pages too. */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}
