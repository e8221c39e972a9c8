/**
 * The door events come in by, closed when the server shuts down: it counts
 * the events under way, and once closed (draining) refuses new ones, so
 * those under way finish and save where they run while the page sends the
 * rest to another replica.
 */
export interface EventGate {
  /** True once `drain` was called: new events are refused with 503 `draining`. */
  readonly draining: boolean;
  /**
   * Lets one event in and returns what to call when it is over (its run ended,
   * its answer written), or undefined when the gate is closed.
   */
  enter(): (() => void) | undefined;
  /** Closes the gate; resolves once no event is under way. */
  drain(): Promise<void>;
}

/**
 * @example
 * const gate = createEventGate();
 * const leave = gate.enter();
 * if (!leave) return drainingResponse();
 * void run().finally(leave);
 */
export function createEventGate(): EventGate {
  let underWay = 0;
  let draining = false;
  let idle: (() => void) | undefined;
  const emptied = new Promise<void>((resolve) => (idle = resolve));
  return {
    get draining() {
      return draining;
    },
    enter() {
      if (draining) return undefined;
      underWay++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        if (--underWay === 0 && draining) idle?.();
      };
    },
    drain() {
      draining = true;
      if (underWay === 0) idle?.();
      return emptied;
    },
  };
}

/** Seconds a page (or a client) is told to wait before sending an event to a draining server again. */
export const DRAINING_RETRY_AFTER_SECONDS = 1;
