/** Gives up an attempt that hears nothing for too long (see createWatchdog). */
export interface Watchdog {
  /** Aborted when the page abandons the attempt, or when the silence ran past the timeout. */
  readonly signal: AbortSignal;
  /** Something arrived (the answer's headers, a chunk, a heartbeat): the silence starts again. */
  heard(): void;
  /** The attempt is over: no timeout any more. */
  stop(): void;
  /** Whether the silence ran past the timeout (rather than the page abandoning the attempt). */
  fired(): boolean;
}

/**
 * Watches one attempt for silence: no first byte, or no message or heartbeat
 * of its stream, within `timeoutMs`. A hung server (a paused process still
 * accepts connections) then costs the page that long, not a proxy's minute.
 * A run's total length never counts: a stream that keeps sending heartbeats
 * is never given up. `timeoutMs` 0 never fires.
 *
 * @example
 * const watchdog = createWatchdog(15_000, flightSignal);
 * const response = await fetch(url, { signal: watchdog.signal });
 * watchdog.heard();
 */
export function createWatchdog(timeoutMs: number, page: AbortSignal): Watchdog {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let silenceRanOut = false;
  let stopped = false;
  const abandon = () => controller.abort();
  if (page.aborted) abandon();
  else page.addEventListener("abort", abandon, { once: true });
  const heard = () => {
    clearTimeout(timer);
    if (timeoutMs > 0 && !stopped && !controller.signal.aborted)
      timer = setTimeout(() => {
        silenceRanOut = true;
        controller.abort();
      }, timeoutMs);
  };
  heard();
  return {
    signal: controller.signal,
    heard,
    stop() {
      stopped = true;
      clearTimeout(timer);
      page.removeEventListener("abort", abandon);
    },
    fired: () => silenceRanOut,
  };
}
