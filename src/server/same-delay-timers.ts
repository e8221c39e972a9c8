interface Waiting {
  at: number;
  callback: (() => void) | undefined;
}

/**
 * Many timers of one delay on a single Node timer. Entries fire in the order
 * they started, so only the oldest needs a timer: starting one is an array
 * push and cancelling one clears a field, where each setTimeout/clearTimeout
 * pair updates Node's timer lists. The event route starts and cancels one on
 * every event; under load one Node timer per delay serves them all.
 */
export class SameDelayTimers {
  private queue: Waiting[] = [];
  private head = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs: number) {}

  /** Calls `callback` after the delay, unless the returned function is called first. */
  start(callback: () => void): () => void {
    const waiting: Waiting = { at: performance.now() + this.delayMs, callback };
    this.queue.push(waiting);
    this.timer ??= setTimeout(() => this.fire(), this.delayMs);
    return () => {
      waiting.callback = undefined;
      this.dropCancelledHead();
    };
  }

  private fire(): void {
    this.timer = undefined;
    const now = performance.now();
    while (this.head < this.queue.length) {
      const next = this.queue[this.head]!;
      if (next.callback && next.at > now) break;
      this.head++;
      next.callback?.();
    }
    this.compact();
    const next = this.queue[this.head];
    if (next) this.timer = setTimeout(() => this.fire(), Math.max(1, next.at - now));
  }

  /**
   * Most entries are cancelled in the order they started: drop them from the
   * front at once. The timer is left to fire (doing nothing when all are
   * cancelled), so back-to-back events share it rather than each setting one.
   */
  private dropCancelledHead(): void {
    while (this.head < this.queue.length && this.queue[this.head]!.callback === undefined)
      this.head++;
    this.compact();
  }

  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
