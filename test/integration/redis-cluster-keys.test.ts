import { afterAll, beforeAll, expect, test } from "vitest";
import type { Storage } from "unstorage";
import { storageFromFlag } from "../../adapters/node/cli/storage-flag.ts";
import { evictOldest, removeAll } from "../../src/cache/cache-entry.ts";
import { startRedisCluster, type RedisCluster } from "../helpers/redis-topology.ts";

/**
 * On a Redis Cluster, keys under one prefix are spread over every master by
 * their hash slot. What walks a prefix (`cacheData`'s `maxEntries`, its
 * `clear()`, the sweeps) must see the keys of every master, and must not send
 * one command naming keys of several slots (Redis refuses it with CROSSSLOT).
 */

let cluster: RedisCluster;
let storage: Storage;
const PREFIX = "edgelit:cache:report";
const ENTRIES = 24;

beforeAll(async () => {
  cluster = await startRedisCluster();
  storage = (await storageFromFlag(cluster.url, process.cwd())).storage;
}, 90_000);

afterAll(async () => {
  await storage?.dispose();
  await cluster?.stop();
});

async function fillEntries(): Promise<void> {
  for (let i = 0; i < ENTRIES; i++)
    await storage.setItem(`${PREFIX}:${i}`, { storedAt: i, value: { json: `entry ${i}` } });
}

test("the keys under a prefix are listed from every master, and read back in one call", async () => {
  await fillEntries();
  const keys = await storage.getKeys(PREFIX);
  expect(keys.sort()).toEqual(Array.from({ length: ENTRIES }, (_, i) => `${PREFIX}:${i}`).sort());
  const items = await storage.getItems(keys);
  expect(items.filter((item) => item.value !== null)).toHaveLength(ENTRIES);
});

test("maxEntries keeps the newest entries across masters, and clearing a cache or the store empties every master", async () => {
  await fillEntries();
  await evictOldest(storage, PREFIX, 10);
  const kept = await storage.getKeys(PREFIX);
  expect(kept.map((key) => Number(key.split(":").pop())).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 10 }, (_, i) => ENTRIES - 10 + i),
  );
  expect(await removeAll(storage, PREFIX)).toBe(10);
  expect(await storage.getKeys(PREFIX)).toEqual([]);
  // Clearing the whole store (what a test or a reset does) empties every master.
  await fillEntries();
  await storage.clear();
  expect(await storage.getKeys("")).toEqual([]);
});
