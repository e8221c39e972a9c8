import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

/**
 * Issue 16: Plotly, ECharts, Graphviz and maps, each loaded on demand, under
 * the page's policy (no CSP breach is allowed in `page.errors`), with no tile
 * server reachable (these machines have no internet).
 */
const fixture = appInBrowser({ app: "test/e2e/fixtures/charts-more-app.ts" });

async function openCharts(theme: "light" | "dark") {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.evaluate((choice) => localStorage.setItem("edgelit-theme", choice), theme);
  await page.reload();
  await page.getByText("after the charts", { exact: true }).waitFor();
  return page;
}

/** Pixels of an element's screenshot that `matches` picks, counted in the page (no image is compared). */
async function countPixels(
  page: Page,
  selector: string,
  kind: "reddish" | "not-background",
): Promise<number> {
  const png = (await page.locator(selector).first().screenshot()).toString("base64");
  return page.evaluate(
    async ({ png, kind }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
        if (
          kind === "reddish"
            ? r > 150 && g < 140 && b < 140
            : Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) > 60
        )
          count++;
      }
      return count;
    },
    { png, kind },
  );
}

/** Waiting for a chunk of a megabyte or more, on a machine the other tests share. */
const LOADED = { timeout: 30_000 };

const luminanceOf = (color: string) => {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

for (const theme of ["light", "dark"] as const) {
  test(`each library draws its chart in the ${theme} theme`, async () => {
    const page = await openCharts(theme);
    // Plotly: five markers, and its text in the page's text colour.
    const points = page.locator(".plotly-chart .scatterlayer .point");
    await expect.poll(() => points.count(), LOADED).toBe(5);
    const titleFill = await page
      .locator(".plotly-chart .gtitle")
      .evaluate((title) => getComputedStyle(title).fill);
    expect(luminanceOf(titleFill) > 0.5).toBe(theme === "dark");

    // ECharts: five bars in SVG, and a pie on a canvas.
    // The bars take the theme's primary colour, as the first colour of the series.
    const bars = page.locator('.echarts-chart svg path[fill="#ff4b4b"]');
    await expect.poll(() => bars.count(), LOADED).toBe(5);
    const pie = page.locator(".echarts-chart canvas").first();
    await pie.waitFor();
    await expect
      .poll(() => countPixels(page, ".echarts-chart:has(canvas)", "not-background"), LOADED)
      .toBeGreaterThan(1000);

    // A sankey series, whose part of ECharts loaded when the option named it: two nodes and a link.
    const sankey = page.locator(".echarts-chart").nth(2);
    await sankey.locator("svg text", { hasText: /^out$/ }).waitFor(LOADED);
    expect(await sankey.locator("svg path").count()).toBeGreaterThanOrEqual(3);

    // Graphviz: four nodes and three edges; DOT it cannot read shows its error.
    const graph = page.locator(".graphviz-svg svg").first();
    await expect.poll(() => graph.locator("g.node").count(), LOADED).toBe(4);
    expect(await graph.locator("g.edge").count()).toBe(3);
    const label = await graph
      .locator("g.node text")
      .first()
      .evaluate((text) => getComputedStyle(text).fill);
    expect(luminanceOf(label) > 0.5).toBe(theme === "dark");
    await page
      .locator(".graphviz-error")
      .getByText(/syntax error/)
      .waitFor();

    // The map: its points draw on a plain background; a notice says the base map is out of reach.
    await page
      .getByRole("status")
      .getByText(/base map could not be loaded/)
      .waitFor();
    await expect
      .poll(() => countPixels(page, ".map-chart", "reddish"), LOADED)
      .toBeGreaterThan(100);
    // Its plain background is the page's soft background: light on a light page, dark on a dark one.
    const corner = await page.evaluate(
      async (png) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const context = document.createElement("canvas").getContext("2d")!;
        context.drawImage(image, 0, 0);
        const [r, g, b] = context.getImageData(5, 60, 1, 1).data;
        return `rgb(${r}, ${g}, ${b})`;
      },
      (await page.locator(".map-chart").screenshot()).toString("base64"),
    );
    expect(luminanceOf(corner) > 0.5).toBe(theme === "light");
    expect(page.errors).toEqual([]);
    await page.close();
  });
}

test("a click on a Plotly point reaches the app as the chart's selection", async () => {
  const page = await openCharts("light");
  const point = page.locator(".plotly-chart .scatterlayer .point").nth(2);
  await expect
    .poll(() => page.locator(".plotly-chart .scatterlayer .point").count(), LOADED)
    .toBe(5);
  const box = (await point.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByText("plotly points [[0,2]]", { exact: true }).waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a box drawn over Plotly points reaches the app with the points inside it", async () => {
  const page = await openCharts("light");
  const points = page.locator(".plotly-chart .scatterlayer .point");
  await expect.poll(() => points.count(), LOADED).toBe(5);
  const [second, third] = [
    (await points.nth(1).boundingBox())!,
    (await points.nth(2).boundingBox())!,
  ];
  await page.mouse.move(second.x - 15, second.y - 15);
  await page.mouse.down();
  await page.mouse.move(second.x + 10, second.y + 10, { steps: 5 });
  await page.mouse.move(third.x + third.width + 15, third.y + third.height + 15, { steps: 20 });
  await page.mouse.up();
  await page.getByText("plotly points [[0,1],[0,2]]", { exact: true }).waitFor();
  // The rerun that followed did not redraw the chart, so the box the user drew still shows.
  expect(await page.locator(".plotly-chart .selectionlayer path").count()).toBeGreaterThan(0);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a click on a map's point reaches the app, with no tile server reachable", async () => {
  const page = await openCharts("light");
  const map = page.locator(".map-chart");
  await page
    .getByRole("status")
    .getByText(/base map could not be loaded/)
    .waitFor();
  await expect.poll(() => countPixels(page, ".map-chart", "reddish"), LOADED).toBeGreaterThan(100);
  // The middle of the first point found in the map's pixels.
  const png = (await map.screenshot()).toString("base64");
  const spot = await page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const reddish: [number, number][] = [];
    for (let i = 0; i < data.length; i += 4)
      if (data[i]! > 150 && data[i + 1]! < 140 && data[i + 2]! < 140)
        reddish.push([(i / 4) % image.width, Math.floor(i / 4 / image.width)]);
    const [x0, y0] = reddish[0]!;
    const near = reddish.filter(([x, y]) => Math.abs(x - x0) < 30 && Math.abs(y - y0) < 30);
    return {
      x: near.reduce((sum, [x]) => sum + x, 0) / near.length,
      y: near.reduce((sum, [, y]) => sum + y, 0) / near.length,
    };
  }, png);
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + spot.x, box.y + spot.y);
  await page.getByText(/^map indices \[\d\]$/).waitFor();
  expect(page.errors).toEqual([]);
  await page.close();
});

test("a figure that is not JSON is an error naming where; the charts above stay", async () => {
  const page = await openCharts("light");
  await page.getByRole("button", { name: "Bad figure" }).click();
  await page.getByText(/figure\.data\[0\]\.y\[0\] is a function/).waitFor();
  expect(await page.locator(".el-plotlyChart").count()).toBe(1);
  expect(await page.getByText("plotly points []", { exact: true }).count()).toBe(1);
  expect(page.errors).toEqual([]);
  await page.close();
});

test("the page's policy stays without eval and WebAssembly; only the Graphviz worker may compile it", async () => {
  const response = await fetch(fixture.server.url);
  const policy = response.headers.get("content-security-policy") ?? "";
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toMatch(
    /connect-src 'self' https:\/\/basemaps\.cartocdn\.com https:\/\/tiles\.basemaps\.cartocdn\.com(;|$)/,
  );
  const page = await openCharts("light");
  await expect.poll(() => page.locator(".graphviz-svg svg g.node").count(), LOADED).toBe(4);
  const workerUrl = await page.evaluate(
    () =>
      performance
        .getEntriesByType("resource")
        .find((entry) => entry.name.includes("graphviz-worker"))?.name,
  );
  const worker = await fetch(workerUrl!);
  expect(worker.headers.get("content-security-policy")).toBe(
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'",
  );
  // The page itself still may not compile WebAssembly.
  const compiled = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => "compiled",
      (error: Error) => error.name,
    ),
  );
  expect(compiled).toBe("CompileError");
  await page.close();
});

test("charts follow their container's width and a theme switched while they show", async () => {
  const page = await openCharts("light");
  const plotly = page.locator(".plotly-chart .main-svg").first();
  const echarts = page.locator(".echarts-chart svg").first();
  const map = page.locator(".map-chart canvas").first();
  await expect
    .poll(() => page.locator(".plotly-chart .scatterlayer .point").count(), LOADED)
    .toBe(5);
  await map.waitFor(LOADED);
  const widths = () =>
    Promise.all(
      [plotly, echarts, map].map((chart) =>
        chart.evaluate((svg) => svg.getBoundingClientRect().width),
      ),
    );
  const wide = await widths();
  await page.setViewportSize({ width: 480, height: 800 });
  await expect
    .poll(async () => (await widths()).every((width, index) => width < wide[index]! - 100))
    .toBe(true);

  const title = page.locator(".plotly-chart .gtitle");
  const label = page.locator(".echarts-chart svg text").first();
  const lightTitle = await title.evaluate((text) => getComputedStyle(text).fill);
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  await expect
    .poll(async () => luminanceOf(await title.evaluate((text) => getComputedStyle(text).fill)))
    .toBeGreaterThan(0.5);
  await expect
    .poll(async () => luminanceOf(await label.evaluate((text) => getComputedStyle(text).fill)))
    .toBeGreaterThan(0.5);
  expect(luminanceOf(lightTitle)).toBeLessThan(0.5);
  expect(page.errors).toEqual([]);
  await page.close();
});

test(
  "charts drawn in a hidden tab take the tab's width when it is shown",
  { timeout: 90_000 },
  async () => {
    const page = await fixture.browser.newPage();
    await page.goto(`${fixture.server.url}/?in=tabs`);
    await page.getByText("the first tab", { exact: true }).waitFor();
    await page.getByRole("tab", { name: "Charts" }).click();
    const panel = page.getByRole("tabpanel").filter({ has: page.locator(".plotly-chart") });
    const panelWidth = (await panel.boundingBox())!.width;
    const charts = [".plotly-chart .main-svg", ".echarts-chart svg", ".map-chart canvas"];
    await expect
      .poll(async () => {
        const widths = await Promise.all(
          charts.map(
            async (selector) => (await page.locator(selector).first().boundingBox())?.width ?? 0,
          ),
        );
        return widths.every((width) => Math.abs(width - panelWidth) <= 1);
      }, LOADED)
      .toBe(true);
    expect(await page.locator(".plotly-chart .scatterlayer .point").count()).toBe(5);
    expect(page.errors).toEqual([]);
    await page.close();
  },
);
