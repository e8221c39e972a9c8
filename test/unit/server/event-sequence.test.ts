import { expect, test } from "vitest";
import { PROTOCOL_VERSION, type RerunRequest } from "../../../src/protocol/index.ts";
import { createSessionRecord } from "../../../src/session/record.ts";
import { REMEMBERED_TABS, isApplied, markApplied } from "../../../src/server/event-sequence.ts";

const event = (tab: string, n: number): RerunRequest => ({
  protocol: PROTOCOL_VERSION,
  sessionId: null,
  lastRunId: null,
  eventId: `${tab}-${n}`,
  seq: { tab, n },
  changes: [],
});
const tabAt = (ms: number) => `${ms.toString(36)}.x`;

test("a tab's copies at or below its highest applied number are applied; later ones and other tabs' are not", () => {
  const record = createSessionRecord();
  markApplied(record, event(tabAt(1000), 1));
  markApplied(record, event(tabAt(1000), 2));
  expect(isApplied(event(tabAt(1000), 1), record)).toBe(true);
  expect(isApplied(event(tabAt(1000), 2), record)).toBe(true);
  expect(isApplied(event(tabAt(1000), 3), record)).toBe(false);
  expect(isApplied(event(tabAt(2000), 1), record)).toBe(false);
});

test("a tab forgotten to keep the record small still has its late copies recognised", () => {
  const record = createSessionRecord();
  for (let load = 1; load <= REMEMBERED_TABS + 5; load++)
    markApplied(record, event(tabAt(load), 4));
  expect(Object.keys(record.appliedSeq!)).toHaveLength(REMEMBERED_TABS);
  // The first page load's entry is gone; a copy of its first event comes now.
  expect(isApplied(event(tabAt(1), 1), record)).toBe(true);
  // A page loaded after every remembered one starts from nothing.
  expect(isApplied(event(tabAt(REMEMBERED_TABS + 100), 1), record)).toBe(false);
});
