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

/** The time the last page load of this tab named itself by, beside the session id. */
const TAB_TIME_KEY = "edgelit:tab-time";

/**
 * A page load's tab id names a time later than any earlier load of this tab,
 * even if the clock went back: the server counts tabs it has forgotten by
 * their time, as wholly applied.
 *
 * @example
 * const numbers = createEventNumbers();
 * send({ seq: { tab: numbers.tab, n: numbers.next() }, ... });
 */
export function createEventNumbers(now = Date.now()): EventNumbers {
  const time = Math.max(now, readTabTime() + 1);
  writeTabTime(time);
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) =>
    byte.toString(36).padStart(2, "0"),
  ).join("");
  const tab = `${time.toString(36)}.${random}`;
  let last = 0;
  return { tab, next: () => ++last };
}

function readTabTime(): number {
  try {
    return Number(sessionStorage.getItem(TAB_TIME_KEY)) || 0;
  } catch {
    return 0; // storage disabled: every load starts a new session anyway
  }
}

function writeTabTime(time: number): void {
  try {
    sessionStorage.setItem(TAB_TIME_KEY, String(time));
  } catch {
    // Not fatal: see readTabTime.
  }
}
