import { createStorage, defineDriver, type Storage } from "unstorage";
import memoryDriver from "unstorage/drivers/memory";
import { afterEach, describe, expect, test, vi } from "vitest";
import { cacheData, clearSharedCache } from "../../../src/cache/index.ts";

/** A fresh store per test, as a server would have. */
const newStore = (): Storage => createStorage();
const cacheKeys = async (storage: Storage) => (await storage.getKeys("edgelit:cache")).sort();

afterEach(() => vi.useRealTimers());

describe("cacheData memoises by arguments in the store", () => {
  test("the same arguments run the function once; other arguments run it again", async () => {
    const storage = newStore();
    const calls: number[] = [];
    const square = cacheData(async (n: number) => (calls.push(n), n * n), { storage });
    expect(await square(3)).toBe(9);
    expect(await square(3)).toBe(9);
    expect(await square(4)).toBe(16);
    expect(calls).toEqual([3, 4]);
    const keys = await cacheKeys(storage);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).toMatch(/^edgelit:cache:anonymous-[a-z0-9]+:[0-9a-f]{64}$/);
  });

  test("plain objects are the same call whatever their key order; a Date is not its ISO string", async () => {
    const storage = newStore();
    let runs = 0;
    const describeArgs = cacheData((value: unknown) => (runs++, JSON.stringify(value)), {
      storage,
    });
    await describeArgs({ region: "EU", filter: { from: 1, to: 2 } });
    await describeArgs({ filter: { to: 2, from: 1 }, region: "EU" });
    expect(runs).toBe(1);
    await describeArgs(new Date(0));
    await describeArgs(new Date(0).toISOString());
    await describeArgs(new Map([["a", 1]]));
    await describeArgs([["a", 1]]);
    expect(runs).toBe(5);
  });

  test("two processes defining the same function share its results (the key is made of name, source and arguments)", async () => {
    const storage = newStore();
    let runs = 0;
    // Each call of `replica` stands for one process loading the app module.
    const replica = () =>
      cacheData(
        async function loadTotals(region: string) {
          runs++;
          return { region, total: 42 };
        },
        { storage },
      );
    expect(await replica()("EU")).toEqual({ region: "EU", total: 42 });
    expect(await replica()("EU")).toEqual({ region: "EU", total: 42 });
    expect(runs).toBe(1);
    expect((await cacheKeys(storage))[0]).toMatch(/^edgelit:cache:loadTotals-/);
  });

  test("editing the function starts a fresh cache; the name option keeps one across edits", async () => {
    const storage = newStore();
    const before = cacheData(
      function price() {
        return 1;
      },
      { storage },
    );
    const edited = cacheData(
      function price() {
        return 2;
      },
      { storage },
    );
    expect(await before()).toBe(1);
    expect(await edited()).toBe(2);
    const named = cacheData(
      function price() {
        return 1;
      },
      { storage, name: "price" },
    );
    const namedEdited = cacheData(
      function price() {
        return 2;
      },
      { storage, name: "price" },
    );
    expect(await named()).toBe(1);
    expect(await namedEdited()).toBe(1);
  });

  test("sync and async functions both resolve to their result", async () => {
    const storage = newStore();
    expect(await cacheData((a: number, b: number) => a + b, { storage })(1, 2)).toBe(3);
    expect(await cacheData(async (a: number, b: number) => a * b, { storage })(2, 5)).toBe(10);
  });
});

describe("results", () => {
  test("Date, Map, Set and BigInt survive the store", async () => {
    const storage = newStore();
    const load = cacheData(
      () => ({
        at: new Date(5),
        byId: new Map([[1, "a"]]),
        tags: new Set(["x"]),
        big: 2n ** 70n,
        none: undefined,
      }),
      { storage },
    );
    await load();
    const cached = await load();
    expect(cached.at).toBeInstanceOf(Date);
    expect(cached.at.getTime()).toBe(5);
    expect(cached.byId).toEqual(new Map([[1, "a"]]));
    expect(cached.tags).toEqual(new Set(["x"]));
    expect(cached.big).toBe(2n ** 70n);
    expect("none" in cached).toBe(true);
  });

  test("each call gets a fresh copy: mutating a result changes nothing cached", async () => {
    const storage = newStore();
    const original = { rows: [1, 2, 3] };
    const load = cacheData(async () => original, { storage });
    const first = await load();
    first.rows.push(99);
    expect(original.rows).toEqual([1, 2, 3]);
    const [second, third] = await Promise.all([load(), load()]);
    expect(second).toEqual({ rows: [1, 2, 3] });
    expect(second).not.toBe(third);
    second.rows.length = 0;
    expect(third.rows).toEqual([1, 2, 3]);
    expect(await load()).toEqual({ rows: [1, 2, 3] });
  });

  test("a result holding a function or a class instance is refused with a clear error, and nothing is stored", async () => {
    const storage = newStore();
    const makeClient = cacheData(
      function makeClient() {
        return { query: () => 1 };
      },
      { storage },
    );
    await expect(makeClient()).rejects.toThrow(
      /cacheData\(makeClient\) cannot keep what the function returned: its result\.query is a function.*use cacheResource/,
    );
    class Pool {}
    await expect(cacheData(() => [new Pool()], { storage })()).rejects.toThrow(
      /its result\[0\] is a Pool instance/,
    );
    expect(await cacheKeys(storage)).toEqual([]);
  });

  test("an argument that is not data is refused", async () => {
    const load = cacheData(
      function load(_callback: () => void) {
        return 1;
      },
      { storage: newStore() },
    );
    await expect(load(() => {})).rejects.toThrow(
      /cacheData\(load\) cannot be cached by its arguments: argument 1 is a function/,
    );
  });

  test("a thrown error is not cached: the next call runs again", async () => {
    const storage = newStore();
    let runs = 0;
    const flaky = cacheData(
      async () => {
        if (++runs === 1) throw new Error("upstream down");
        return "ok";
      },
      { storage },
    );
    await expect(flaky()).rejects.toThrow("upstream down");
    expect(await flaky()).toBe("ok");
    expect(runs).toBe(2);
  });
});

test("concurrent calls with the same arguments share one run in a process", async () => {
  const storage = newStore();
  let runs = 0;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow = cacheData(
    async (n: number) => {
      runs++;
      await gate;
      return { n };
    },
    { storage },
  );
  const calls = [slow(1), slow(1), slow(1), slow(2)];
  // Both computations under way (and so all four calls in flight) before any finishes.
  await expect.poll(() => runs).toBe(2);
  release();
  const results = await Promise.all(calls);
  expect(results).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }, { n: 2 }]);
  expect(runs).toBe(2);
  expect(results[0]).not.toBe(results[1]);
});

describe("ttl", () => {
  test("a result is reused until its ttl has passed, then computed again", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 1_000_000 });
    const storage = newStore();
    let runs = 0;
    const load = cacheData(() => ++runs, { storage, ttl: 10 });
    expect(await load()).toBe(1);
    vi.setSystemTime(1_000_000 + 9_900);
    expect(await load()).toBe(1);
    vi.setSystemTime(1_000_000 + 10_000);
    expect(await load()).toBe(2);
    expect(await load()).toBe(2);
  });

  test("without ttl a result is kept until cleared", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 0 });
    const storage = newStore();
    let runs = 0;
    const load = cacheData(() => ++runs, { storage });
    await load();
    vi.setSystemTime(365 * 24 * 3600_000);
    expect(await load()).toBe(1);
  });

  test("the store's own ttl is set where the driver supports it (never below KV's 60 s)", async () => {
    const ttls: (number | undefined)[] = [];
    const recording = defineDriver(() => {
      const memory = memoryDriver();
      return {
        ...memory,
        setItem: (key: string, value: string, options: { ttl?: number }) => (
          ttls.push(options?.ttl),
          memory.setItem!(key, value, {})
        ),
      };
    });
    const storage = createStorage({ driver: recording(undefined) });
    await cacheData((n: number) => n, { storage, ttl: 5 })(1);
    await cacheData((n: number) => n + 1, { storage, ttl: 120.5 })(1);
    await cacheData((n: number) => n + 2, { storage })(1);
    expect(ttls).toEqual([60, 121, undefined]);
  });
});

describe("clearing", () => {
  test(".clear() removes this function's results only", async () => {
    const storage = newStore();
    await storage.setItem("edgelit:session:abc", { json: { version: 1 } });
    let aRuns = 0;
    let bRuns = 0;
    const a = cacheData((n: number) => (aRuns++, n), { storage, name: "a" });
    const b = cacheData((n: number) => (bRuns++, n), { storage, name: "b" });
    await Promise.all([a(1), a(2), b(1)]);
    await a.clear();
    await Promise.all([a(1), b(1)]);
    expect([aRuns, bRuns]).toEqual([3, 1]);
    expect(await storage.hasItem("edgelit:session:abc")).toBe(true);
  });

  test("clearSharedCache empties every cacheData entry and keeps sessions", async () => {
    const storage = newStore();
    await storage.setItem("edgelit:session:abc", { json: { version: 1 } });
    await cacheData((n: number) => n, { storage, name: "a" })(1);
    await cacheData((n: number) => n, { storage, name: "b" })(2);
    expect(await clearSharedCache(storage)).toBe(2);
    expect(await cacheKeys(storage)).toEqual([]);
    expect(await storage.getKeys()).toEqual(["edgelit:session:abc"]);
  });

  test("maxEntries keeps the newest results", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 0 });
    const storage = newStore();
    const runs: number[] = [];
    const load = cacheData((n: number) => (runs.push(n), n), { storage, maxEntries: 2 });
    for (const n of [1, 2, 3]) {
      vi.setSystemTime(n * 1000);
      await load(n);
    }
    expect(await cacheKeys(storage)).toHaveLength(2);
    await load(3);
    await load(2);
    await load(1);
    expect(runs).toEqual([1, 2, 3, 1]);
  });
});

test("bad options fail when the function is defined", () => {
  expect(() => cacheData(() => 1, { ttl: 0 })).toThrow(/ttl must be a positive number/);
  expect(() => cacheData(() => 1, { ttl: Number.NaN })).toThrow(/ttl must be a positive number/);
  expect(() => cacheData(() => 1, { maxEntries: 1.5 })).toThrow(
    /maxEntries must be a positive integer/,
  );
  expect(() => cacheData("nope" as never)).toThrow(/expects a function/);
});
