import { expect, test } from "vitest";
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
