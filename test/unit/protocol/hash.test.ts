import { describe, expect, test } from "vitest";
import { hashElement, hashString } from "../../../src/protocol/index.ts";

test("equal content hashes equal, and any change in kind or props changes the hash", () => {
  expect(hashElement("text", { body: "a" })).toBe(hashElement("text", { body: "a" }));
  expect(hashElement("text", { body: "a" })).not.toBe(hashElement("text", { body: "b" }));
  expect(hashElement("text", { body: "a" })).not.toBe(hashElement("markdown", { body: "a" }));
  expect(hashElement("text", { body: "a" }).startsWith("text:")).toBe(true);
});

test("the string hash spreads similar inputs apart", () => {
  const hashes = new Set(Array.from({ length: 10_000 }, (_, i) => hashString(`element ${i}`)));
  expect(hashes.size).toBe(10_000);
});

// The page shows an element's JSON: the hash must change whenever that JSON does, and must not
// change when it does not (else the element is sent again for nothing).
describe("hashElement follows the props' JSON", () => {
  const base = { body: "a", level: 1 };

  test.each([
    ["a value changed", { body: "b", level: 1 }],
    ["a number became a string", { body: "a", level: "1" }],
    ["a name added", { body: "a", level: 1, anchor: "x" }],
    ["a name missing", { body: "a" }],
    ["the same names in another order", { level: 1, body: "a" }],
    ["a nested value", { body: "a", level: 1, help: { text: "x" } }],
    ["a value moved into a list", { body: ["a"], level: 1 }],
    ["a fraction", { body: "a", level: 1.5 }],
    ["null for a number", { body: "a", level: null }],
    ["a string that spells the next name", { body: 'a","level":1', level: 1 }],
  ])("%s: another hash", (_, props) => {
    expect(hashElement("heading", props)).not.toBe(hashElement("heading", base));
  });

  test.each([
    ["undefined names count as absent", { body: "a", help: undefined }, { body: "a" }],
    ["functions count as absent", { body: "a", onClick: () => 1 }, { body: "a" }],
    ["undefined in a list is null", { rows: [undefined, 1] }, { rows: [null, 1] }],
    ["NaN and infinities are null", { values: [Number.NaN, Infinity] }, { values: [null, null] }],
    ["-0 is 0", { value: -0 }, { value: 0 }],
    ["a Date is its ISO string", { at: new Date(0) }, { at: new Date(0) }],
    ["props parsed back from JSON", { a: [1, { b: 2.25 }] }, JSON.parse('{"a":[1,{"b":2.25}]}')],
  ])("%s: the same hash", (_, props, same) => {
    expect(hashElement("json", props)).toBe(hashElement("json", same));
  });

  test("values JSON shows in its own way change the hash when their JSON does", () => {
    expect(hashElement("json", { at: new Date(0) })).not.toBe(
      hashElement("json", { at: new Date(1) }),
    );
  });

  test("props changed in place after hashing hash as their new content", () => {
    const props = { body: "before" };
    const before = hashElement("markdown", props);
    props.body = "after";
    expect(hashElement("markdown", props)).not.toBe(before);
    expect(hashElement("markdown", props)).toBe(hashElement("markdown", { body: "after" }));
  });

  test("the previous hash is given back when it is the same, and never when it is not", () => {
    const previous = hashElement("markdown", { body: "a" });
    expect(hashElement("markdown", { body: "a" }, previous)).toBe(previous);
    expect(hashElement("markdown", { body: "b" }, previous)).toBe(
      hashElement("markdown", { body: "b" }),
    );
    // The same digits under another kind of the same length are not this kind's hash.
    const other = `caption:${previous.slice("markdown:".length)}`;
    expect(hashElement("markdown", { body: "a" }, other)).toBe(previous);
    expect(hashElement("text", { body: "a" }, "json:" + previous.slice(9))).toBe(
      hashElement("text", { body: "a" }),
    );
  });

  test("a cycle throws as JSON does", () => {
    const props: Record<string, unknown> = { body: "a" };
    props.self = props;
    expect(() => hashElement("json", props)).toThrow(TypeError);
  });

  test("thousands of distinct elements get distinct hashes", () => {
    const hashes = new Set(
      Array.from({ length: 30_000 }, (_, i) => hashElement("markdown", { body: `Line ${i}` })),
    );
    expect(hashes.size).toBe(30_000);
  });
});
