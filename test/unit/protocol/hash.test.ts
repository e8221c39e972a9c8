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

// With the hash the client holds, unchanged props are recognised without JSON; every
// answer must still be exactly the hash of the props' JSON.
describe("hashElement with the previous hash", () => {
  const fresh = (kind: string, props: object) =>
    hashElement(kind, JSON.parse(JSON.stringify(props)));

  test("unchanged props give the previous hash back", () => {
    const previous = hashElement("slider", {
      id: "s",
      label: "Step",
      min: 1,
      max: 10,
      value: 3,
      disabled: false,
      help: null,
    });
    expect(
      hashElement(
        "slider",
        { id: "s", label: "Step", min: 1, max: 10, value: 3, disabled: false, help: null },
        previous,
      ),
    ).toBe(previous);
  });

  test.each([
    ["a value changed", { body: "b", level: 1 }],
    ["a number became a string", { body: "a", level: "1" }],
    ["a name added", { body: "a", level: 1, anchor: "x" }],
    ["a name missing", { body: "a" }],
    ["the same names in another order", { level: 1, body: "a" }],
    ["a nested value", { body: "a", level: 1, help: { text: "x" } }],
  ])("%s: the hash of the new props' JSON", (_, props) => {
    const previous = hashElement("heading", { body: "a", level: 1 });
    const hash = hashElement("heading", props, previous);
    expect(hash).not.toBe(previous);
    expect(hash).toBe(fresh("heading", props));
  });

  test("names whose value is undefined count as absent, as in JSON", () => {
    const previous = hashElement("markdown", { body: "a" });
    expect(hashElement("markdown", { body: "a", help: undefined }, previous)).toBe(previous);
  });

  test("the same props under another kind hash differently", () => {
    const previous = hashElement("markdown", { body: "a" });
    expect(hashElement("caption", { body: "a" }, previous)).toBe(fresh("caption", { body: "a" }));
    expect(hashElement("caption", { body: "a" }, previous)).not.toBe(previous);
  });

  test("props changed in place after hashing are not mistaken for the old ones", () => {
    const props = { body: "before" };
    const previous = hashElement("markdown", props);
    props.body = "after";
    expect(hashElement("markdown", props, previous)).toBe(fresh("markdown", { body: "after" }));
  });

  test("an unknown previous hash falls back to the props' JSON", () => {
    expect(hashElement("markdown", { body: "a" }, "markdown:not-a-hash-seen")).toBe(
      fresh("markdown", { body: "a" }),
    );
  });
});
