import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";
import { FRAMES } from "./fixtures/animation-app.ts";

/**
 * Issue 14, finding 5: each frame of a loop is stored before the element
 * showing it reaches the page, so the browser never asks for an image that is
 * not there yet (a run used to store its media only when it ended).
 */

let browser: Browser;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  server = await startEdgelit({ app: "test/e2e/fixtures/animation-app.ts" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test(`a ${FRAMES}-frame loop drawing into one placeholder shows no broken image`, async () => {
  const page = await browser.newPage();
  const mediaAnswers: number[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_edgelit/media/")) mediaAnswers.push(response.status());
  });
  await page.goto(server.url);
  await page.getByText("Animation done").waitFor({ timeout: 60_000 });

  const image = page
    .locator("img")
    .filter({ has: page.locator("xpath=.") })
    .last();
  await expect
    .poll(() => page.getByText(`Frame ${FRAMES}`, { exact: true }).count(), { timeout: 10_000 })
    .toBe(1);
  const loaded = await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
  expect(loaded).toBe(40);
  // The page asked for frames as they came; none of them was missing.
  expect(mediaAnswers.length).toBeGreaterThan(0);
  expect(mediaAnswers.filter((status) => status >= 400)).toEqual([]);
});
