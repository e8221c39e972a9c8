import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  server = await startEdgelit({ app: "test/e2e/fixtures/on-demand-app.ts" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("an element whose chunk fails to load once (a network blip) is drawn on its next run; the page keeps working", async () => {
  const page = await browser.newPage();
  let failed = 0;
  await page.route(/\/assets\/json-[^/]+\.js$/, (route) => (failed++ === 0 ? route.abort() : route.continue()));
  await page.goto(server.url);
  const add = page.getByRole("button", { name: "Add one" });
  await add.click();
  await page.getByText("Clicks: 1").waitFor();
  await add.click();
  await page.getByText("Clicks: 2").waitFor();
  await add.click();
  await page.getByText("Clicks: 3").waitFor();
  await page.locator(".el-json").getByText("3").waitFor({ timeout: 5000 });
  expect(failed).toBeGreaterThan(0);
});
