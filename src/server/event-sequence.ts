import type { EventSeq, RerunRequest } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";

/**
 * How many tabs (page loads) a record remembers the high-water mark of. A
 * tab forgotten past it raises the record's floor, so its late copies still
 * count as applied: forgetting never opens a gap.
 */
export const REMEMBERED_TABS = 32;

/**
 * The highest event number of `tab` the record has applied: 0 for a tab it
 * has not heard of, Infinity for one it forgot (older than the floor).
 *
 * @example
 * if (request.seq && request.seq.n <= appliedUpTo(record, request.seq.tab)) runWithoutChanges();
 */
export function appliedUpTo(record: SessionRecord, tab: string): number {
  const applied = record.appliedSeq?.[tab];
  if (applied !== undefined) return applied;
  const floor = record.appliedSeqFloor;
  return floor !== undefined && tabTime(tab) <= floor ? Infinity : 0;
}

/**
 * True when the record already holds the event's changes: a numbered event at
 * or below its tab's high-water mark, or a repeat of the last event applied.
 */
export function isApplied(request: RerunRequest, record: SessionRecord): boolean {
  if (request.seq) return request.seq.n <= appliedUpTo(record, request.seq.tab);
  return request.eventId === record.lastEventId;
}

/**
 * Notes in the record that the event is applied, before it is saved: its
 * tab's mark moves to its number (never down) and to the end of the order;
 * past REMEMBERED_TABS the least recent tab is forgotten under the floor.
 */
export function markApplied(record: SessionRecord, request: RerunRequest): void {
  record.lastEventId = request.eventId;
  const seq: EventSeq | undefined = request.seq;
  if (!seq) return;
  const marks = (record.appliedSeq ??= {});
  const applied = Math.max(seq.n, appliedUpTo(record, seq.tab));
  // A tab already under the floor stays there; it needs no entry of its own.
  if (applied === Infinity) return;
  delete marks[seq.tab];
  marks[seq.tab] = applied;
  const tabs = Object.keys(marks);
  for (const forgotten of tabs.slice(0, Math.max(0, tabs.length - REMEMBERED_TABS))) {
    delete marks[forgotten];
    record.appliedSeqFloor = Math.max(record.appliedSeqFloor ?? 0, tabTime(forgotten));
  }
}

/** The time a tab id names (its part before the dot, base 36 ms); NaN-free: 0 when unreadable. */
export function tabTime(tab: string): number {
  const time = parseInt(tab.slice(0, tab.indexOf(".")), 36);
  return Number.isFinite(time) ? time : 0;
}

/** A tab id as the page makes it: base-36 ms, a dot, up to 32 base-36 characters. */
const TAB_ID = /^[0-9a-z]{1,11}\.[0-9a-z]{1,32}$/;

/** True for an event number: a whole number from 1. */
export function isEventNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

/** True for a request's `seq` as the protocol defines it (EventSeq). */
export function isEventSeq(value: unknown): value is EventSeq {
  if (typeof value !== "object" || value === null) return false;
  const { tab, n } = value as Record<string, unknown>;
  return typeof tab === "string" && TAB_ID.test(tab) && isEventNumber(n);
}
