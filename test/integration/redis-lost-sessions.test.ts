import { Redis } from "ioredis";
import { afterEach, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";
import { startRedisWith, untilTrue, type RedisNode } from "../helpers/redis-topology.ts";

/**
 * Redis settings that lose sessions, with real Redis and Chromium: no
 * persistence and a restart during clicks, and `allkeys-lru` under real memory
 * pressure. The server warns of each at startup, and the page tells the user
 * the session store lost the session (it was saved moments ago, so it cannot
 * have expired), not that it expired; a session idle past its TTL still reads
 * as expired.
 */

const LOST = "The session store lost your session; a new one was started";
const EXPIRED = "Your session expired; a new one was started";
const cleanups: (() => Promise<void>)[] = [];
let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openCounter(url: string) {
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(url);
  await metricShows(page, 0);
  const addOne = page.getByRole("button", { name: "Add one" });
  for (let click = 1; click <= 2; click++) await addOne.click();
  await metricShows(page, 2);
  return { page, addOne };
}

/** The session keys Redis holds now. */
async function sessionKeys(url: string): Promise<string[]> {
  const client = new Redis(url);
  try {
    return await client.keys("edgelit:session:*");
  } finally {
    client.disconnect();
  }
}

test(
  "Redis without persistence, restarted during clicks: warned at startup, and the page says the store lost the session",
  { timeout: 90_000 },
  async () => {
    const redis = await startRedis();
    cleanups.push(() => redis.stop());
    const server = await startEdgelit({ storage: redis.url });
    cleanups.push(() => server.stop());
    expect(server.output()).toMatch(
      /warning: Redis at 127\.0\.0\.1:\d+ keeps nothing on disk .*loses every session/,
    );
    const { page, addOne } = await openCounter(server.url);

    await redis.down();
    await addOne.click(); // queued while the store is away
    await page
      .getByText(/session store/i)
      .first()
      .waitFor();
    await redis.up();

    // The record is gone; the server starts the session over under the same id, and the queued
    // click counts in it. The page sees its runs numbered from 1 again and says what happened.
    await page.getByText(LOST).waitFor();
    await metricShows(page, 1);
    expect(await page.getByText(EXPIRED).count()).toBe(0);
    await addOne.click();
    await metricShows(page, 2);
    expect(page.errors).toEqual([]);
  },
);

test(
  "allkeys-lru under memory pressure: warned at startup, and an evicted session starts anew saying the store lost it",
  { timeout: 90_000 },
  async () => {
    const redis: RedisNode = await startRedisWith([
      "--save",
      "",
      "--appendonly",
      "no",
      "--maxmemory",
      "4mb",
      "--maxmemory-policy",
      "allkeys-lru",
    ]);
    cleanups.push(() => redis.dispose());
    const url = `redis://127.0.0.1:${redis.port}`;
    const server = await startEdgelit({ storage: url });
    cleanups.push(() => server.stop());
    expect(server.output()).toMatch(/warning: .*maxmemory-policy allkeys-lru.*set noeviction/);
    const { page, addOne } = await openCounter(server.url);
    expect(await sessionKeys(url)).toHaveLength(1);

    // Other keys fill the memory until Redis evicts the session (bounded: at most 40 MB written).
    const filler = new Redis(url);
    cleanups.push(async () => filler.disconnect());
    const value = "x".repeat(10_000);
    for (let batch = 0; batch < 40 && (await sessionKeys(url)).length > 0; batch++) {
      const pipeline = filler.pipeline();
      for (let key = 0; key < 100; key++) pipeline.set(`other:${batch}:${key}`, value);
      await pipeline.exec();
    }
    expect(await sessionKeys(url)).toEqual([]);

    await addOne.click();
    await page.getByText(LOST).waitFor();
    await metricShows(page, 0);
    expect(await page.getByText(EXPIRED).count()).toBe(0);
    expect(await page.locator(".banner").count()).toBe(0);
    expect(page.errors).toEqual([]);
  },
);

test("a session idle past its TTL still reads as expired", { timeout: 90_000 }, async () => {
  const redis = await startRedis();
  cleanups.push(() => redis.stop());
  const server = await startEdgelit({ storage: redis.url, sessionTtl: 3 });
  cleanups.push(() => server.stop());
  const { page, addOne } = await openCounter(server.url);
  // Redis drops the key itself once the TTL has passed.
  await untilTrue(
    "Redis to expire the session",
    async () => (await sessionKeys(redis.url)).length === 0,
  );

  await addOne.click();
  await page.getByText(EXPIRED).waitFor();
  await metricShows(page, 0);
  expect(await page.getByText(LOST).count()).toBe(0);
  expect(page.errors).toEqual([]);
});
