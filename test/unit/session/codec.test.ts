import { expect, test } from "vitest";
import { decodeRecord, encodeRecord } from "../../../src/session/codec.ts";
import { createSessionRecord } from "../../../src/session/record.ts";

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

/** One value of every binary kind, each with content that JSON numbers would lose (NaN, -0, 64-bit integers). */
const everyBinaryKind = () => ({
  uint8: new Uint8Array([0, 1, 254, 255]),
  int8: new Int8Array([-128, 0, 127]),
  uint8Clamped: new Uint8ClampedArray([0, 128, 255]),
  int16: new Int16Array([-32768, 32767]),
  uint16: new Uint16Array([0, 65535]),
  int32: new Int32Array([-(2 ** 31), 2 ** 31 - 1]),
  uint32: new Uint32Array([0, 2 ** 32 - 1]),
  float32: new Float32Array([1.5, Number.NaN, -0, Number.POSITIVE_INFINITY]),
  float64: new Float64Array([Math.PI, Number.NaN, -0, Number.NEGATIVE_INFINITY]),
  bigInt64: new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n]),
  bigUint64: new BigUint64Array([0n, 2n ** 64n - 1n]),
  arrayBuffer: new Uint8Array([9, 8, 7]).buffer,
  // A view on part of a larger buffer keeps only its own bytes.
  window: new Uint16Array(new Uint16Array([1, 2, 3, 4]).buffer, 2, 2),
});

/** Each value's exact class and content, NaN and -0 included. */
function expectSameBinary(actual: unknown, expected: ArrayBufferView | ArrayBuffer) {
  expect((actual as object).constructor).toBe(expected.constructor);
  const bytesOf = (value: ArrayBufferView | ArrayBuffer) =>
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  expect([...bytesOf(actual as ArrayBufferView | ArrayBuffer)]).toEqual([...bytesOf(expected)]);
}

const throughStore = (record: ReturnType<typeof createSessionRecord>) =>
  decodeRecord(JSON.parse(JSON.stringify(encodeRecord(record))));

test("st.session keeps every typed array and ArrayBuffer, with its class and exact content, nested in objects, arrays and Maps", () => {
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
    for (const [name, expected] of Object.entries(everyBinaryKind()))
      expectSameBinary((decoded as Record<string, unknown>)[name], expected);
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

test("a DataView in st.session comes back a DataView over its own bytes", () => {
  const record = createSessionRecord();
  const view = new DataView(new Uint8Array([0, 1, 2, 3, 4]).buffer, 1, 3);
  record.session = { view };
  expectSameBinary(throughStore(record)!.session.view, view);
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
