import { expect, test } from "vitest";
import { cacheResource } from "../../../src/cache/index.ts";

test("every call with the same arguments gets the very same object; other arguments get another", () => {
  let made = 0;
  const connect = cacheResource((url: string, options: { pool: number }) => ({
    url,
    options,
    id: ++made,
  }));
  const first = connect("redis://a", { pool: 2 });
  expect(connect("redis://a", { pool: 2 })).toBe(first);
  expect(connect("redis://b", { pool: 2 })).not.toBe(first);
  expect(made).toBe(2);
});

test("a sync function stays sync, so module scope can use it directly", () => {
  const config = cacheResource(() => ({ region: "EU" }));
  expect(config().region).toBe("EU");
});

test("concurrent first calls of an async function share one creation; a failed one is retried", async () => {
  let attempts = 0;
  const loadModel = cacheResource(async (name: string) => {
    attempts++;
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (attempts === 1) throw new Error("download failed");
    return { name };
  });
  const [a, b] = await Promise.allSettled([loadModel("small"), loadModel("small")]);
  expect([a.status, b.status]).toEqual(["rejected", "rejected"]);
  const model = await loadModel("small");
  expect(await loadModel("small")).toBe(model);
  expect(attempts).toBe(2);
});

test(".clear() makes the next call create a new object", () => {
  const client = cacheResource(() => ({}));
  const before = client();
  client.clear();
  expect(client()).not.toBe(before);
});

test("arguments that are not data are refused", () => {
  const wrap = cacheResource(function wrap(_fn: () => void) {
    return 1;
  });
  expect(() => wrap(() => {})).toThrow(
    /cacheResource\(wrap\) cannot be cached by its arguments: argument 1 is a function/,
  );
});
