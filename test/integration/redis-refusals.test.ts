import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit, startRedis, type StartedRedis } from "../helpers/processes.ts";

/**
 * The page says what is wrong with the session store: a Redis that answers
 * and refuses the save (full under `noeviction`) is told apart from one that
 * cannot be reached, and the server logs one line per store error with its
 * kind. Either way the click is retried and counts once when the store is
 * well again.
 */

let redis: StartedRedis;
let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  redis = await startRedis({ persist: true });
  server = await startEdgelit({ storage: redis.url });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await redis?.stop();
});

async function setMaxMemory(bytes: number): Promise<void> {
  const client = new Redis(redis.url);
  await client.config("SET", "maxmemory", String(bytes));
  client.disconnect();
}

test("a full store: the page says the store refused the save, the log says [full]; then the click counts once", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const addOne = page.getByRole("button", { name: "Add one" });
  await addOne.click();
  await addOne.click();
  await metricShows(page, 2);

  await setMaxMemory(1);
  await addOne.click();
  await page
    .getByText("The session store refused the save (read-only or full) — retrying…")
    .waitFor({ timeout: 20_000 });
  expect(await page.getByText(/cannot reach/).count()).toBe(0);
  expect(server.output()).toMatch(
    /\[edgelit\] store error while saving session \w{8}: OOM .*\[full\]/,
  );

  await setMaxMemory(0);
  await metricShows(page, 3);
  await page.getByText(/retrying/).waitFor({ state: "hidden", timeout: 10_000 });
  await page.reload();
  await metricShows(page, 3);

  // Unreachable is another message, and another kind in the log.
  await redis.down();
  await addOne.click();
  await page
    .getByText("The server cannot reach its session store — retrying…")
    .waitFor({ timeout: 20_000 });
  expect(server.output()).toMatch(
    /\[edgelit\] store error while loading session \w{8}: .*\[unreachable\]/,
  );
  await redis.up();
  await metricShows(page, 4);
  await page.reload();
  await metricShows(page, 4);
  expect(page.errors).toEqual([]);
}, 90_000);
