import { Redis } from "@upstash/redis";
import { Redis as RedisClient } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { storageFromFlag } from "../../adapters/node/cli/storage-flag.ts";
import { createSessionRecord } from "../../src/session/record.ts";
import { createSessionStore } from "../../src/session/store.ts";
import { createUpstashStorage } from "../../src/session/upstash-store.ts";
import { startRedis } from "../helpers/processes.ts";
import { startUpstashFixture, type UpstashFixture } from "../helpers/upstash-fixture.ts";
import { describeSessionStore } from "./session-store-contract.ts";

// The Upstash store over its REST API, through the fixture, into a real redis-server.
let redis: Awaited<ReturnType<typeof startRedis>>;
let upstash: UpstashFixture;

beforeAll(async () => {
  redis = await startRedis();
  upstash = await startUpstashFixture(redis.url);
});
afterAll(async () => {
  await upstash?.stop();
  await redis?.stop();
});

// Each storage is its own client, as another replica would hold.
const open = () => createUpstashStorage({ url: upstash.url, token: upstash.token, retry: false });
const openWithBase = () =>
  createUpstashStorage({ url: upstash.url, token: upstash.token, base: "tenant/a", retry: false });

describeSessionStore("upstash", { storage: open, second: open, guarantee: "atomic" });
describeSessionStore("upstash, keys under a base", {
  storage: openWithBase,
  second: openWithBase,
  guarantee: "atomic",
});

describe("the upstash store", () => {
  const ID = "fedcba9876543210fedcba9876543210";

  test("writes the record where unstorage and plain Redis clients find it, with the session TTL", async () => {
    const sessions = createSessionStore(openWithBase(), { ttlSeconds: 120 });
    await sessions.save(ID, createSessionRecord(), 0);
    const direct = new RedisClient(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      const stored = JSON.parse((await direct.get(`tenant:a:edgelit:session:${ID}`))!);
      expect(stored.json.version).toBe(1);
      expect(await direct.ttl(`tenant:a:edgelit:session:${ID}`)).toBeGreaterThan(100);
    } finally {
      direct.disconnect();
    }
  });

  test("the fixture refuses a wrong token, as Upstash does", async () => {
    const stranger = new Redis({
      url: upstash.url,
      token: "wrong",
      retry: false,
      enableTelemetry: false,
      enableAutoPipelining: false,
    });
    await expect(stranger.get("anything")).rejects.toThrow(/Unauthorized/);
  });

  test("the fixture answers as Upstash: base64 strings (nested, hash fields), pipelines, transactions, errors", async () => {
    const client = new Redis({
      url: upstash.url,
      token: upstash.token,
      retry: false,
      enableTelemetry: false,
    });
    await client.hset("fixture:hash", { "héllo ✓": "日本", name: 2 });
    expect(await client.hgetall("fixture:hash")).toEqual({ "héllo ✓": "日本", name: 2 });
    expect(
      await client.eval("return {KEYS[1], ARGV[1], {ARGV[2]}}", ["k"], ["✓", "nested"]),
    ).toEqual(["k", "✓", ["nested"]]);
    // Issued in one tick: auto-pipelined into one /pipeline request.
    expect(
      await Promise.all([
        client.set("fixture:a", "1"),
        client.incr("fixture:a"),
        client.get("fixture:missing"),
      ]),
    ).toEqual(["OK", 2, null]);
    expect(await client.multi().set("fixture:b", "x").get("fixture:b").exec()).toEqual(["OK", "x"]);
    await expect(client.eval("return redis.call('NOPE')", [], [])).rejects.toThrow(
      /Unknown Redis command/i,
    );
  });

  test("--storage upstash reads both variables, names them when missing, and never shows the token", async () => {
    await expect(storageFromFlag("upstash", "/", {})).rejects.toThrow(
      /UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN/,
    );
    await expect(
      storageFromFlag("upstash", "/", { UPSTASH_REDIS_REST_URL: upstash.url }),
    ).rejects.toThrow(/UPSTASH_REDIS_REST_TOKEN/);
    const chosen = await storageFromFlag("upstash", "/", {
      UPSTASH_REDIS_REST_URL: upstash.url,
      UPSTASH_REDIS_REST_TOKEN: upstash.token,
    });
    expect(chosen.description).toBe(`upstash ${upstash.url}`);
    expect(createSessionStore(chosen.storage).guarantee).toBe("atomic");
  });
});
