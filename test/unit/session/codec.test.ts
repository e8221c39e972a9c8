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
  expect((decoded?.session.byId as Map<number, { tags: Set<string> }>).get(1)?.tags).toEqual(new Set(["x"]));
  expect(decoded?.session.big).toBe(2n ** 70n);
  expect(decoded?.session.list).toEqual([1, "two", null, { three: 3 }]);
});

test("a value that cannot be kept is named in a clear error", () => {
  const record = createSessionRecord();
  record.session = { ok: 1, nested: { handler: () => 1 } };
  expect(() => encodeRecord(record)).toThrow(/st\.session\.nested\.handler cannot be kept between runs/);
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
