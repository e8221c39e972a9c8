import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit, startRedis, tempDir, type StartedRedis } from "../helpers/processes.ts";
import { untilTrue } from "../helpers/redis-topology.ts";

/**
 * A session evicted from Redis between a run's load and its save (an
 * evicting maxmemory-policy under pressure) starts a new session as an
 * expired one does: a toast (saying the store lost it, as it was saved
 * moments ago) and a fresh page, not a banner saying the session
 * "does not exist". The JSON transport keeps the whole answer until the run
 * ends, so the server takes the run back and answers the retry's verdict.
 */

let redis: StartedRedis;
let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;
const files = tempDir("edgelit-eviction-");
const mark = join(files.path, "loaded");
const gate = join(files.path, "gate");

beforeAll(async () => {
  redis = await startRedis();
  server = await startEdgelit({
    app: "test/integration/fixtures/evicted-mid-run-app.ts",
    storage: redis.url,
    extraArgs: ["--transports", "json"],
    env: { EDGELIT_TEST_MARK: mark, EDGELIT_TEST_GATE: gate },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await redis?.stop();
  files.remove();
});

test("a session evicted while its run goes on starts anew with a toast saying the store lost it, no error banner", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("button", { name: "Add one", exact: true }).click();
  await page.getByRole("button", { name: "Add one", exact: true }).click();
  await metricShows(page, 2);

  await page.getByRole("button", { name: "Add one slowly" }).click();
  await untilTrue("the slow run to load its session", async () => existsSync(mark));
  const client = new Redis(redis.url);
  const evicted = await client.keys("edgelit:session:*");
  expect(evicted).toHaveLength(1);
  await client.del(...evicted);
  client.disconnect();
  writeFileSync(gate, "");

  // Saved moments ago, it cannot have expired: the page says the store lost it.
  await page.getByText("The session store lost your session; a new one was started").waitFor();
  await metricShows(page, 0);
  expect(await page.getByText(/does not exist/).count()).toBe(0);
  expect(await page.locator(".banner").count()).toBe(0);
  expect(page.errors).toEqual([]);
});
