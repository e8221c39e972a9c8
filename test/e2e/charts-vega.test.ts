import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/charts-vega-app.ts" });

/** The marks each keyed chart of the fixture draws (legend symbols are not marks), and how many. */
const MARKS: [key: string, selector: string, count: number][] = [
  ["line", ".mark-line.role-mark path", 3],
  ["area", ".mark-area.role-mark path", 2],
  ["bar", ".mark-rect.role-mark path", 4],
  ["scatter", ".mark-symbol.role-mark path", 30],
  ["vega", ".mark-rect.role-mark path", 4],
  ["altair", ".mark-symbol.role-mark path", 5],
  ["wave", ".mark-line.role-mark path", 1],
  ["in-column", ".mark-rect.role-mark path", 4],
];

async function openCharts(scheme: "light" | "dark") {
  const page = await fixture.browser.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(fixture.server.url);
  await page.getByText("end of page").waitFor();
  return page;
}

/** The colour of a chart's first axis label, as [r, g, b]. */
function axisLabelColor(page: Page, key: string): Promise<number[]> {
  return page
    .locator(`.st-key-${key} .role-axis-label text`)
    .first()
    .evaluate((text) => getComputedStyle(text).fill.match(/\d+/g)!.slice(0, 3).map(Number));
}

test.each(["light", "dark"] as const)(
  "every chart command draws its marks in the %s theme, with no breach of the page's policy",
  async (scheme) => {
    const page = await openCharts(scheme);
    for (const [key, selector, count] of MARKS)
      await expect
        .poll(() => page.locator(`.st-key-${key} svg ${selector}`).count(), { timeout: 15_000 })
        .toBe(count);
    // Axis labels take the page's text colour: dark on light, light on dark.
    const label = await axisLabelColor(page, "line");
    if (scheme === "light") expect(label.every((channel) => channel < 100)).toBe(true);
    else expect(label.every((channel) => channel > 200)).toBe(true);
    // The reader switching the theme in the menu redraws the charts in the other one.
    const other = scheme === "light" ? "dark" : "light";
    await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), other);
    await expect
      .poll(async () =>
        (await axisLabelColor(page, "line")).every((c) => (other === "dark" ? c > 200 : c < 100)),
      )
      .toBe(true);
    expect(page.errors).toEqual([]);
  },
);

test("a chart's data past a few KB is fetched as a stored Arrow batch; small data comes inline", async () => {
  const page = await fixture.browser.newPage();
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/_edgelit/media/")) fetched.push(request.url());
  });
  await page.goto(fixture.server.url);
  await page.locator(".st-key-wave svg .mark-line.role-mark path").waitFor({ timeout: 15_000 });
  // The 3,000-row wave is the only chart data large enough to be stored.
  expect(fetched).toHaveLength(1);
  expect(page.errors).toEqual([]);
});

test("a box dragged over the scatter chart reaches the app as an interval selection", async () => {
  const page = await openCharts("light");
  await page.getByText('selection {"interval":{}}', { exact: true }).waitFor();
  const plot = page.locator(".st-key-scatter svg .mark-symbol.role-mark");
  await plot.locator("path").first().waitFor({ timeout: 15_000 });
  await page.locator(".st-key-scatter svg").scrollIntoViewIfNeeded();
  const box = (await page.locator(".st-key-scatter svg").boundingBox())!;
  // From the plot's top right towards its middle: over the points at the right of the chart.
  const start = { x: box.x + box.width * 0.9, y: box.y + 20 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const shown = page.getByText(/^selection \{"interval":\{"height":\[/);
  await shown.waitFor({ timeout: 10_000 });
  const selection = JSON.parse((await shown.textContent())!.slice("selection ".length)) as {
    interval: { height: number[]; weight: number[] };
  };
  const [low, high] = [...selection.interval.height].sort((a, b) => a - b);
  expect(low).toBeGreaterThan(100);
  expect(high).toBeGreaterThan(low!);
  expect(selection.interval.weight).toHaveLength(2);
  // The rerun that followed kept the chart: the box is still drawn where it was dragged.
  const brush = page.locator(".st-key-scatter svg .interval_brush path").first();
  expect((await brush.boundingBox())!.width).toBeGreaterThan(box.width * 0.2);
  expect(page.errors).toEqual([]);
});

test("a click on a bar of a Vega-Lite chart reaches the app as its point parameter's value", async () => {
  const page = await openCharts("light");
  await page.getByText('picked {"pick":[]}', { exact: true }).waitFor();
  const bars = page.locator(".st-key-bars-pick svg .mark-rect.role-mark path");
  await expect.poll(() => bars.count(), { timeout: 15_000 }).toBe(4);
  // The third bar is Oslo's (the x axis sorts the cities by name).
  await bars.nth(2).click();
  await page
    .getByText('picked {"pick":[{"city":"Oslo"}]}', { exact: true })
    .waitFor({ timeout: 10_000 });
  expect(page.errors).toEqual([]);
});

test("charts in columns and tabs take their container's width and follow its resizes", async () => {
  const page = await openCharts("light");
  await page.setViewportSize({ width: 1200, height: 900 });
  const columnChart = page.locator(".st-key-in-column svg");
  await columnChart.locator(".mark-rect.role-mark path").first().waitFor({ timeout: 15_000 });
  const widthOf = async (selector: string) =>
    page.locator(selector).evaluate((element) => element.getBoundingClientRect().width);
  const columnWidth = () => widthOf(".st-key-in-column");
  await expect
    .poll(async () => Math.abs((await widthOf(".st-key-in-column svg")) - (await columnWidth())))
    .toBeLessThan(12);
  const wide = await columnWidth();

  // Narrow: the columns stack, each as wide as the page.
  await page.setViewportSize({ width: 560, height: 900 });
  await expect.poll(async () => Math.abs((await columnWidth()) - wide)).toBeGreaterThan(50);
  await expect
    .poll(async () => Math.abs((await widthOf(".st-key-in-column svg")) - (await columnWidth())))
    .toBeLessThan(12);

  // A chart in a hidden tab draws once its tab shows, as wide as the tab.
  await page.getByRole("tab", { name: "Second" }).click();
  const tabChart = page.locator(".st-key-in-tab svg");
  await tabChart.locator(".mark-line.role-mark path").first().waitFor({ timeout: 15_000 });
  await expect
    .poll(async () =>
      Math.abs((await widthOf(".st-key-in-tab svg")) - (await widthOf(".st-key-in-tab"))),
    )
    .toBeLessThan(12);
  expect(await widthOf(".st-key-in-tab svg")).toBeGreaterThan(300);
  expect(page.errors).toEqual([]);
});

test("a missing column and an invalid spec show an error naming what is wrong; the page goes on", async () => {
  const page = await openCharts("light");
  await page
    .locator(".st-key-missing")
    .getByText('st.lineChart: y names column "nope", which is not a column of the data')
    .waitFor();
  await page
    .locator(".st-key-bad-spec")
    .getByText('st.vegaLiteChart: the "y" encoding has type "wrong"')
    .waitFor();
  // What only Vega can find is shown in the chart's place when the page draws it.
  const drawError = page.locator(".st-key-bad-expression").getByRole("alert");
  await drawError.waitFor({ timeout: 15_000 });
  expect(await drawError.textContent()).toMatch(/^This chart could not be drawn: .+/);
  await page.locator(".st-key-line svg .mark-line.role-mark path").first().waitFor();
  expect(page.errors).toEqual([]);
});

describe("an app's theme", () => {
  const themed = appInBrowser({ app: "test/e2e/fixtures/charts-themed-app.ts" });

  test("a themed chart takes the app's primary colour and font; theme null keeps Vega-Lite's own", async () => {
    const page = await themed.browser.newPage();
    await page.goto(themed.server.url);
    const own = page.locator(".vega-chart").nth(0);
    const plain = page.locator(".vega-chart").nth(1);
    await own.locator(".mark-rect.role-mark path").first().waitFor({ timeout: 15_000 });
    await plain.locator(".mark-rect.role-mark path").first().waitFor({ timeout: 15_000 });
    const fill = (chart: typeof own) =>
      chart
        .locator(".mark-rect.role-mark path")
        .first()
        .evaluate((bar) => getComputedStyle(bar).fill);
    const font = (chart: typeof own) =>
      chart
        .locator(".role-axis-label text")
        .first()
        .evaluate((text) => getComputedStyle(text).fontFamily);
    expect(await fill(own)).toBe("rgb(124, 58, 237)");
    expect(await font(own)).toMatch(/serif/);
    expect(await font(own)).not.toMatch(/sans-serif/);
    // Vega-Lite's default blue and sans-serif font.
    expect(await fill(plain)).toBe("rgb(76, 120, 168)");
    expect(await font(plain)).toMatch(/sans-serif/);
    expect(page.errors).toEqual([]);
  });
});
