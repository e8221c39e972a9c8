import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, metricShows, type Browser } from "../helpers/browser.ts";
import { startNginx } from "../helpers/nginx.ts";
import { startEdgelit } from "../helpers/processes.ts";

const APP = "test/integration/fixtures/slow-steps-app.ts";
let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;
const proxies: Awaited<ReturnType<typeof startNginx>>[] = [];

beforeAll(async () => {
  server = await startEdgelit({ app: APP });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(proxies.map((proxy) => proxy.stop()));
  await server?.stop();
});

const transportOf = (page: Page) =>
  page.evaluate(() => document.documentElement.dataset.edgelitTransport);

async function clicksCount(page: Page): Promise<void> {
  const addOne = page.getByRole("button", { name: "Add one" });
  for (let i = 0; i < 3; i++) await addOne.click();
  await metricShows(page, 3);
}

for (const transport of ["sse", "websocket", "json"] as const) {
  test(`forced with ?transport=${transport}, the app works over it`, async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/?transport=${transport}`);
    await metricShows(page, 0);
    await clicksCount(page);
    expect(await transportOf(page)).toBe(transport);
    expect(page.errors).toEqual([]);
    await page.close();
  });
}

test("behind a proxy that buffers streams, the page notices a slow run arrived all at once and moves to the WebSocket", async () => {
  const proxy = await startNginx([server.port], { buffering: true, websockets: true });
  proxies.push(proxy);
  const page = await browser.newPage();
  await page.goto(proxy.url);
  await metricShows(page, 0);
  expect(await transportOf(page)).toBe("sse");
  await page.getByRole("checkbox", { name: "Slow" }).check();
  await page.getByText("step 39 of 40").waitFor({ timeout: 20_000 });
  await expect.poll(() => transportOf(page), { timeout: 10_000 }).toBe("websocket");
  await page.getByRole("checkbox", { name: "Slow" }).uncheck();
  await clicksCount(page);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("behind a proxy that buffers streams and refuses WebSockets, the page moves to plain JSON", async () => {
  const proxy = await startNginx([server.port], { buffering: true });
  proxies.push(proxy);
  const page = await browser.newPage();
  await page.goto(proxy.url);
  await metricShows(page, 0);
  await page.getByRole("checkbox", { name: "Slow" }).check();
  await page.getByText("step 39 of 40").waitFor({ timeout: 20_000 });
  await expect.poll(() => transportOf(page), { timeout: 15_000 }).toBe("json");
  await page.getByRole("checkbox", { name: "Slow" }).uncheck();
  await clicksCount(page);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("behind a proxy that refuses WebSockets, streams and JSON still work, and a forced WebSocket falls back to JSON", async () => {
  const proxy = await startNginx([server.port]);
  proxies.push(proxy);
  const streamed = await browser.newPage();
  await streamed.goto(proxy.url);
  await clicksCount(streamed);
  expect(await transportOf(streamed)).toBe("sse");

  const forced = await browser.newPage();
  await forced.goto(`${proxy.url}/?transport=websocket`);
  await clicksCount(forced);
  expect(await transportOf(forced)).toBe("json");
});
