import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

/**
 * Issue 16: Plotly's WebGL traces draw under the page's unchanged policy (the
 * client uses plotly.js's strict bundle, which builds no code from strings),
 * and a lasso drawn over a scatter chart reaches the app as its selection.
 */
const fixture = appInBrowser({ app: "test/e2e/fixtures/charts-webgl-app.ts" });

/** Waiting for Plotly's chunk (about 1.5 MB gzip) on a machine the other tests share. */
const LOADED = { timeout: 30_000 };

async function openCharts() {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("after the charts", { exact: true }).waitFor();
  return page;
}

/** Pixels of the element's screenshot in the trace's red (#ff2020), counted in the page. */
async function redPixels(page: Page, selector: string): Promise<number> {
  const png = (await page.locator(selector).first().screenshot()).toString("base64");
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! > 200 && data[i + 1]! < 90 && data[i + 2]! < 90) count++;
    return count;
  }, png);
}

test("a scattergl trace draws its points on a WebGL canvas, with no breach of the page's policy", async () => {
  const page = await openCharts();
  const stored = page.waitForResponse((response) => response.url().includes("/media/"));
  const chart = page.locator(".plotly-chart").first();
  await chart.locator("canvas").first().waitFor(LOADED);
  await expect.poll(() => redPixels(page, ".plotly-chart >> nth=0"), LOADED).toBeGreaterThan(2000);
  expect(await chart.textContent()).not.toMatch(/could not draw/);
  // The figure gives no height, nor does the app: the chart takes Plotly's default.
  expect((await chart.boundingBox())!.height).toBeGreaterThanOrEqual(440);
  // Its 2,000 points came as a stored Arrow batch, not in the element.
  expect((await stored).status()).toBe(200);
  const policy = (await fetch(fixture.server.url)).headers.get("content-security-policy") ?? "";
  expect(policy).not.toContain("unsafe-eval");
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a lasso drawn around scatter points reaches the app with the points inside it", async () => {
  const page = await openCharts();
  const chart = page.locator(".plotly-chart").nth(1);
  const points = chart.locator(".scatterlayer .point");
  await expect.poll(() => points.count(), LOADED).toBe(9);
  await page.getByText("lasso points []", { exact: true }).waitFor();
  await chart.scrollIntoViewIfNeeded();
  const centres: { x: number; y: number }[] = [];
  for (const index of [2, 3, 4, 5, 6]) {
    const box = (await points.nth(index).boundingBox())!;
    centres.push({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }
  // A loop around points 3, 4 and 5: out beside the line on one side, back on the other,
  // closing halfway between their neighbours (2 and 6) and them.
  const [two, three, five, six] = [centres[0]!, centres[1]!, centres[3]!, centres[4]!];
  const start = { x: (two.x + three.x) / 2, y: (two.y + three.y) / 2 };
  const end = { x: (five.x + six.x) / 2, y: (five.y + six.y) / 2 };
  const path = [
    start,
    { x: start.x - 25, y: start.y - 25 },
    { x: end.x - 25, y: end.y - 25 },
    end,
    { x: end.x + 25, y: end.y + 25 },
    { x: start.x + 25, y: start.y + 25 },
    start,
  ];
  await page.mouse.move(path[0]!.x, path[0]!.y);
  await page.mouse.down();
  for (const corner of path.slice(1)) await page.mouse.move(corner.x, corner.y, { steps: 10 });
  await page.mouse.up();
  await page.getByText("lasso points [3,4,5]", { exact: true }).waitFor();
  await page.getByText("lasso areas 1", { exact: true }).waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a map's points stored as an Arrow batch draw on the map", async () => {
  const page = await fixture.browser.newPage();
  const media = new Set<string>();
  page.on("response", (response) => {
    if (response.url().includes("/media/") && response.ok()) media.add(response.url());
  });
  await page.goto(fixture.server.url);
  await page.getByText("after the charts", { exact: true }).waitFor();
  await expect.poll(() => redPixels(page, ".map-chart"), LOADED).toBeGreaterThan(500);
  // Two stored tables: the scattergl trace's arrays and the map's points.
  await expect.poll(() => media.size, LOADED).toBe(2);
  expect(page.errors).toEqual([]);
  await page.close();
});
