import { afterEach, expect, test, vi } from "vitest";
import { cacheResource } from "../../../src/index.ts";

/** cacheResource's ttl, maxEntries and onRelease. */

afterEach(() => {
  vi.useRealTimers();
});

/** Lets the onRelease calls queued so far run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

interface Client {
  url: string;
  serial: number;
}

function clients(options: Parameters<typeof cacheResource<[string], Client>>[1]) {
  let serial = 0;
  return cacheResource((url: string): Client => ({ url, serial: ++serial }), options);
}

test("past its ttl an object is released and the next call makes a new one", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T10:00:00Z"));
  const released: Client[] = [];
  const connect = clients({ ttl: 30, onRelease: (client) => released.push(client) });
  const first = connect("a");
  vi.setSystemTime(new Date("2026-12-07T10:00:29Z"));
  expect(connect("a")).toBe(first);
  vi.setSystemTime(new Date("2026-12-07T10:00:31Z"));
  const second = connect("a");
  expect(second).not.toBe(first);
  expect(second.serial).toBe(2);
  await settled();
  expect(released).toEqual([first]);
});

test("maxEntries keeps the most recently used objects and releases the others", async () => {
  const released: string[] = [];
  const connect = clients({ maxEntries: 2, onRelease: (client) => released.push(client.url) });
  const a = connect("a");
  connect("b");
  expect(connect("a")).toBe(a); // a is now the most recent
  connect("c"); // b goes
  await settled();
  expect(released).toEqual(["b"]);
  expect(connect("a")).toBe(a);
  expect(connect("b").serial).toBe(4); // made anew, releasing c
  await settled();
  expect(released).toEqual(["b", "c"]);
});

test("clear releases every object, an async one once it has resolved; a failing onRelease is ignored", async () => {
  const released: string[] = [];
  const open = cacheResource(async (name: string) => ({ name }), {
    onRelease: (pool) => {
      released.push(pool.name);
      if (pool.name === "bad") throw new Error("cannot close");
    },
  });
  const pool = await open("x");
  await open("bad");
  open.clear();
  await settled();
  expect(released.sort()).toEqual(["bad", "x"]);
  expect(await open("x")).not.toBe(pool);
});

test("ttl and maxEntries are checked", () => {
  expect(() => cacheResource(() => 1, { ttl: 0 })).toThrow(
    "cacheResource: ttl must be a positive number of seconds; got 0",
  );
  expect(() => cacheResource(() => 1, { maxEntries: 1.5 })).toThrow(
    "cacheResource: maxEntries must be a positive integer; got 1.5",
  );
});
