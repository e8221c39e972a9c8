import { createStorage, type Storage } from "unstorage";
import redisDriver from "unstorage/drivers/redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSessionRecord } from "../../src/session/record.ts";
import { createSessionStore } from "../../src/session/store.ts";
import { ValueCache } from "../../src/session/value-cache.ts";
import { startRedis } from "../helpers/processes.ts";
import { describeSessionStore } from "./session-store-contract.ts";

let redis: Awaited<ReturnType<typeof startRedis>>;
const opened: Storage[] = [];
const open = () => {
  const storage = createStorage({ driver: redisDriver({ url: redis.url }) });
  opened.push(storage);
  return storage;
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(opened.map((storage) => storage.dispose()));
  await redis?.stop();
});

// Two storages are two independent connections, as two replicas would have.
describeSessionStore("redis", { storage: open, second: open, guarantee: "atomic" });

describe("Redis compare-and-set", () => {
  test("compares the version wherever the stored record keeps it", async () => {
    const sessions = createSessionStore(open());
    const id = "ffffffffffffffffffffffffffffff01";
    const { version: _leading, ...rest } = createSessionRecord();
    const raw = new Redis(redis.url);
    await raw.set(`edgelit:session:${id}`, JSON.stringify({ json: { ...rest, version: 2 } }));
    raw.disconnect();
    expect(await sessions.save(id, createSessionRecord(), 1)).toBeUndefined();
    expect((await sessions.save(id, createSessionRecord(), 2))?.version).toBe(3);
  });

  test("keeps saving, and refusing stale saves, after Redis forgets its scripts", async () => {
    const sessions = createSessionStore(open());
    const id = "ffffffffffffffffffffffffffffff02";
    for (let version = 0; version < 3; version++)
      expect(await sessions.save(id, createSessionRecord(), version)).toBeDefined();
    const raw = new Redis(redis.url);
    await raw.script("FLUSH");
    raw.disconnect();
    expect(await sessions.save(id, createSessionRecord(), 2)).toBeUndefined();
    expect((await sessions.save(id, createSessionRecord(), 3))?.version).toBe(4);
    expect((await sessions.load(id))?.version).toBe(4);
  });
});

describe("large st.session values in Redis", () => {
  test("a value written by a save that lost expires with the session", async () => {
    const id = "ffffffffffffffffffffffffffffff03";
    const replica = () =>
      createSessionStore(open(), { ttlSeconds: 60, valueCache: new ValueCache(1 << 24) });
    const [a, b] = [replica(), replica()];
    const record = createSessionRecord();
    record.session = { rows: Array.from({ length: 2_000 }, (_, i) => `row ${i} of the table`) };
    await a.save(id, record, 0);
    const [onA, onB] = [(await a.load(id))!, (await b.load(id))!];
    (onA.session.rows as string[]).push("won");
    (onB.session.rows as string[]).push("lost");
    expect(await a.save(id, onA, 1)).toBeDefined();
    expect(await b.save(id, onB, 1)).toBeUndefined();
    const raw = new Redis(redis.url);
    try {
      const keys = await raw.keys(`edgelit:value:${id}:*`);
      // The winner's value and the loser's, which no record names; the first value was removed.
      expect(keys).toHaveLength(2);
      for (const key of keys) {
        const ttl = await raw.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(120);
      }
    } finally {
      raw.disconnect();
    }
    expect(((await b.load(id))!.session.rows as string[]).at(-1)).toBe("won");
  });
});
