import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startEdgelit, startRedis, type StartedRedis } from "../helpers/processes.ts";

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

test("while the session store is down the page says so and retries; when it is back the click counts once and nothing is lost", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const addOne = page.getByRole("button", { name: "Add one" });
  await addOne.click();
  await addOne.click();
  await metricShows(page, 2);

  await redis.down();
  await addOne.click();
  await page
    .getByText("The server cannot reach its session store — retrying…")
    .waitFor({ timeout: 20_000 });

  await redis.up();
  await metricShows(page, 3);
  await page.getByText(/retrying/).waitFor({ state: "hidden", timeout: 10_000 });
  await page.reload();
  await metricShows(page, 3);
  expect(page.errors).toEqual([]);
});
