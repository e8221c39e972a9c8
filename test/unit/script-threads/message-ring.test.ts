import { expect, test } from "vitest";
import {
  createMessageRing,
  RING_BYTES,
  ringReader,
  ringWriter,
} from "../../../adapters/node/script-threads/message-ring.ts";
import type { ServerMessage } from "../../../src/protocol/index.ts";

const text = (body: string): ServerMessage[] => [
  { type: "element", path: [0], kind: "text", props: { body } },
];

/** Everything the reader hands on, as [run id, body]. */
function readAll(
  reader: ReturnType<typeof ringReader<ServerMessage[]>>,
  posted: ServerMessage[][] = [],
): [number, string][] {
  const read: [number, string][] = [];
  reader.read((runId, messages) => {
    for (const message of messages)
      read.push([
        runId,
        message.type === "element"
          ? String((message.props as { body: string }).body)
          : message.type,
      ]);
  }, posted);
  return read;
}

test("messages come out in the order they were written, with their runs", () => {
  const ring = createMessageRing();
  const writer = ringWriter(ring);
  const reader = ringReader(ring);
  expect(reader.pending()).toBe(false);
  writer.write(1, text("a"));
  writer.write(2, [{ type: "start", sessionId: "s", runId: "1", reset: false }]);
  writer.write(1, text("é ✓ 漢字"));
  expect(reader.pending()).toBe(true);
  expect(readAll(reader)).toEqual([
    [1, "a"],
    [2, "start"],
    [1, "é ✓ 漢字"],
  ]);
  expect(reader.pending()).toBe(false);
  expect(readAll(reader)).toEqual([]);
});

test("writing round the ring many times loses and reorders nothing", () => {
  const ring = createMessageRing();
  const writer = ringWriter(ring);
  const reader = ringReader(ring);
  const body = "x".repeat(3000);
  const seen: [number, string][] = [];
  let written = 0;
  // About ten times the ring, read a few records at a time.
  for (let round = 0; round < 1000; round++) {
    for (let index = 0; index < 3; index++) writer.write(written, text(`${written++}:${body}`));
    seen.push(...readAll(reader));
  }
  expect(written * body.length).toBeGreaterThan(8 * RING_BYTES);
  expect(seen.map(([runId]) => runId)).toEqual(Array.from({ length: written }, (_, i) => i));
  expect(seen.every(([runId, read]) => read === `${runId}:${body}`)).toBe(true);
});

test("a message too large for the ring keeps its place until it is posted", () => {
  const ring = createMessageRing();
  const writer = ringWriter(ring);
  const reader = ringReader(ring);
  const large = text("y".repeat(RING_BYTES));
  writer.write(1, text("before"));
  expect(writer.write(1, large)).toBe(false);
  writer.write(1, text("after"));
  // The posted copy has not come yet: what follows it waits.
  expect(readAll(reader)).toEqual([[1, "before"]]);
  expect(reader.pending()).toBe(true);
  const read = readAll(reader, [large]);
  expect(read.map(([, body]) => body.slice(0, 5))).toEqual(["yyyyy", "after"]);
  expect(reader.pending()).toBe(false);
});

test("a writer that must not wait is refused when the ring is full, and loses nothing", () => {
  const ring = createMessageRing();
  const writer = ringWriter(ring);
  const reader = ringReader(ring);
  const body = "z".repeat(50_000);
  let written = 0;
  // Bounded: a 1 MB ring holds six of these (room is kept for three bytes a character).
  while (written < 100 && writer.tryWrite(written, text(`${written}:${body}`))) written++;
  expect(written).toBeGreaterThan(3);
  expect(written).toBeLessThan(100);
  // Too large for any ring: refused at once, with no mark left behind.
  expect(writer.tryWrite(99, text("y".repeat(RING_BYTES)))).toBe(false);
  const seen = readAll(reader);
  expect(seen.map(([runId]) => runId)).toEqual(Array.from({ length: written }, (_, i) => i));
  expect(reader.pending()).toBe(false);
  // Read, the ring has room again.
  expect(writer.tryWrite(written, text("again"))).toBe(true);
  expect(readAll(reader)).toEqual([[written, "again"]]);
});
