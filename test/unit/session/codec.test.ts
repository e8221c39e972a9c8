import { expect, test } from "vitest";
import { decodeRecord, encodeRecord } from "../../../src/session/codec.ts";
import { createSessionRecord } from "../../../src/session/record.ts";
import { everyBinaryKind, expectEveryBinaryKind } from "../../helpers/binary-values.ts";

test("session values keep their types through the store: Date, Map, Set, BigInt, nested", () => {
  const record = createSessionRecord(1000);
  record.session = {
    when: new Date("2026-01-02T03:04:05Z"),
    seen: new Set(["a", "b"]),
    byId: new Map<number, { tags: Set<string> }>([[1, { tags: new Set(["x"]) }]]),
    big: 2n ** 70n,
    list: [1, "two", null, { three: 3 }],
  };
  const decoded = decodeRecord(JSON.parse(JSON.stringify(encodeRecord(record))));
  expect(decoded?.session.when).toEqual(new Date("2026-01-02T03:04:05Z"));
  expect(decoded?.session.seen).toEqual(new Set(["a", "b"]));
  expect((decoded!.session.byId as Map<number, { tags: Set<string> }>).get(1)?.tags).toEqual(
    new Set(["x"]),
  );
  expect(decoded?.session.big).toBe(2n ** 70n);
  expect(decoded?.session.list).toEqual([1, "two", null, { three: 3 }]);
});

test("a value that cannot be kept is named in a clear error", () => {
  const record = createSessionRecord();
  record.session = { ok: 1, nested: { handler: () => 1 } };
  expect(() => encodeRecord(record)).toThrow(
    /st\.session\.nested\.handler cannot be kept between runs/,
  );
  class Custom {}
  record.session = { things: [new Custom()] };
  expect(() => encodeRecord(record)).toThrow(/st\.session\.things\[0\]/);
});

test("anything that is not a stored record decodes to undefined", () => {
  expect(decodeRecord(null)).toBeUndefined();
  expect(decodeRecord("garbage")).toBeUndefined();
  expect(decodeRecord({ json: { nope: true } })).toBeUndefined();
});

test("plain records skip superjson's metadata; rich ones keep it", async () => {
  const { encodeRecord } = await import("../../../src/session/codec.ts");
  const plain = createSessionRecord();
  plain.session = { n: 1, list: ["a", { b: null }] };
  expect(encodeRecord(plain).meta).toBeUndefined();
  for (const rich of [new Date(0), 1n, undefined, Number.NaN, -0, new Map(), new Set([1])]) {
    const record = createSessionRecord();
    record.session = { nested: [rich] };
    const decoded = decodeRecord(JSON.parse(JSON.stringify(encodeRecord(record))));
    expect(decoded?.session.nested).toEqual([rich]);
  }
});

const throughStore = (record: ReturnType<typeof createSessionRecord>) =>
  decodeRecord(JSON.parse(JSON.stringify(encodeRecord(record))));

test("st.session keeps every typed array, ArrayBuffer, DataView and Buffer, with its class and exact content, nested in objects, arrays and Maps", () => {
  const record = createSessionRecord();
  record.session = {
    top: everyBinaryKind(),
    list: [everyBinaryKind()],
    byName: new Map([["file", everyBinaryKind()]]),
  };
  const session = throughStore(record)!.session as {
    top: object;
    list: object[];
    byName: Map<string, object>;
  };
  for (const decoded of [session.top, session.list[0]!, session.byName.get("file")!]) {
    expectEveryBinaryKind(decoded);
  }
});

test("a Buffer in st.session comes back a Buffer, with only its own bytes", () => {
  const record = createSessionRecord();
  // Small Buffers are slices of a shared pool: only the view's bytes are kept.
  record.session = { note: Buffer.from("hello"), nested: [{ raw: Buffer.from([1, 2, 3]) }] };
  const session = throughStore(record)!.session as { note: Buffer; nested: { raw: Buffer }[] };
  expect(Buffer.isBuffer(session.note)).toBe(true);
  expect(session.note.toString()).toBe("hello");
  expect(session.note.byteLength).toBe(5);
  expect([...session.nested[0]!.raw]).toEqual([1, 2, 3]);
});

test("bytes are stored as base64, not as a JSON array of numbers", () => {
  const record = createSessionRecord();
  record.session = { raw: new Uint8Array(3000).fill(200) };
  const stored = JSON.stringify(encodeRecord(record));
  // base64 takes 4 characters per 3 bytes (4,000 here); "200," takes 4 per byte.
  expect(stored).not.toContain("200,200");
  expect(stored.length).toBeLessThan(4500);
  expect((throughStore(record)!.session.raw as Uint8Array).every((byte) => byte === 200)).toBe(
    true,
  );
});

test("a typed array of the app's own subclass is refused, not flattened", () => {
  class Pixels extends Uint8Array {}
  const record = createSessionRecord();
  record.session = { image: { pixels: new Pixels(4) } };
  expect(() => encodeRecord(record)).toThrow(
    /st\.session\.image\.pixels cannot be kept between runs/,
  );
});
