/**
 * Numbers this page load's events in order (EventSeq in the protocol). The
 * server keeps the highest number it applied per tab id, so a copy of an
 * event that comes late (a resend, a hung server waking up) is never applied
 * twice. Each page load is a tab of its own: a duplicated browser tab shares
 * the session id in sessionStorage, and would otherwise reuse numbers.
 */
export interface EventNumbers {
  /** This page load's id: its start in base-36 ms, a dot, random characters. */
  readonly tab: string;
  /** The next event's number, from 1. */
  next(): number;
}

/**
 * @example
 * const numbers = createEventNumbers();
 * send({ seq: { tab: numbers.tab, n: numbers.next() }, ... });
 */
export function createEventNumbers(now = Date.now()): EventNumbers {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) =>
    byte.toString(36).padStart(2, "0"),
  ).join("");
  const tab = `${now.toString(36)}.${random}`;
  let last = 0;
  return { tab, next: () => ++last };
}
