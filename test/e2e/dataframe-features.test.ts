import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/dataframe-features-app.ts" });

async function openView(view: string) {
  const page = await fixture.browser.newPage();
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${fixture.server.url}/?view=${view}`);
  return page;
}

const width = (locator: Locator) =>
  locator.evaluate((element) => element.getBoundingClientRect().width);
const headerNames = (grid: Locator) =>
  grid.locator('[role="columnheader"] .dataframe-label').allTextContents();
const bodyRow = (grid: Locator, index: number) =>
  grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);

/** Presses at one point, moves in steps (as a hand does) and releases at another. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

async function centre(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test("a column widens by dragging its header's right edge, and by Alt+ArrowRight on its header", async () => {
  const page = await openView("features");
  const grid = page.getByRole("grid");
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).waitFor();
  const header = grid.getByRole("columnheader", { name: "name" });
  const cell = bodyRow(grid, 0).getByRole("gridcell", { name: "person 0", exact: true });
  const before = await width(header);

  const edge = await centre(header.getByRole("separator", { name: "Resize name" }));
  await drag(page, edge, { x: edge.x + 120, y: edge.y });
  expect(Math.abs((await width(header)) - (before + 120))).toBeLessThanOrEqual(2);
  // The column's cells follow its header, and the click that ends the drag does not sort.
  expect(await width(cell)).toBe(await width(header));
  expect(await header.getAttribute("aria-sort")).toBe("none");

  const dragged = await width(header);
  await header.focus();
  await page.keyboard.press("Alt+ArrowRight");
  expect(Math.abs((await width(header)) - (dragged + 20))).toBeLessThanOrEqual(1);
  await page.keyboard.press("Alt+ArrowLeft");
  await page.keyboard.press("Alt+ArrowLeft");
  expect(Math.abs((await width(header)) - (dragged - 20))).toBeLessThanOrEqual(1);
  // The keys resized; they did not move the focus.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("name");
  expect(page.errors).toEqual([]);
});

test("a header dragged onto another moves its column there, cells and all; Alt+Shift+arrows move it too", async () => {
  const page = await openView("features");
  const grid = page.getByRole("grid");
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).waitFor();
  expect(await headerNames(grid)).toEqual(["id", "name", "score"]);

  const score = grid.getByRole("columnheader", { name: "score" });
  await drag(
    page,
    await centre(score.locator(".dataframe-label")),
    await centre(grid.getByRole("columnheader", { name: "id" })),
  );
  expect(await headerNames(grid)).toEqual(["score", "id", "name"]);
  const texts = () => bodyRow(grid, 2).getByRole("gridcell").allTextContents();
  // The checkbox cell, then score, id, name of the data's row 2.
  expect((await texts()).slice(1)).toEqual(["3", "2", "person 2"]);
  expect(await score.getAttribute("aria-sort")).toBe("none");
  expect(await score.getAttribute("aria-colindex")).toBe("3");

  // From the keyboard: the focused header moves right, and keeps the focus.
  await score.focus();
  await page.keyboard.press("Alt+Shift+ArrowRight");
  expect(await headerNames(grid)).toEqual(["id", "score", "name"]);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-column"))).toBe(
    "score",
  );
  expect((await texts()).slice(1)).toEqual(["2", "3", "person 2"]);

  // Sorting still sorts by the column clicked, wherever it stands.
  await score.getByRole("button", { name: "Sort by score" }).click();
  await score.getByRole("button", { name: "Sort by score" }).click();
  expect(await score.getAttribute("aria-sort")).toBe("descending");
  await bodyRow(grid, 0).getByRole("gridcell", { name: "person 39", exact: true }).waitFor();
  expect(page.errors).toEqual([]);
});

test("Ctrl+C copies the focused cell, the selected cells and the selected rows as tab-separated text", async () => {
  const page = await openView("features");
  await fixture.browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(fixture.server.url).origin,
  });
  const grid = page.getByRole("grid");
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).waitFor();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  // The header's focused cell (the grid's first tab stop, moved by the arrows): its name.
  await grid.getByRole("columnheader", { name: "id" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+c");
  await expect.poll(clipboard).toBe("score");

  // Two cells: the rectangle from one to the other, the cells between left empty.
  await bodyRow(grid, 2).getByRole("gridcell", { name: "person 2", exact: true }).click();
  await bodyRow(grid, 4).getByRole("gridcell", { name: "6", exact: true }).click();
  await expect.poll(() => bodyRow(grid, 4).locator('[aria-selected="true"]').count()).toBe(1);
  await page.keyboard.press("Control+c");
  await expect.poll(clipboard).toBe("person 2\t\n\t\n\t6");

  // Rows (their every column, in the data's order); a tab inside a cell is quoted.
  await grid.getByRole("checkbox", { name: "Select row 3", exact: true }).check();
  await grid.getByRole("checkbox", { name: "Select row 1", exact: true }).check();
  await page.getByText("rows: 3,1", { exact: true }).waitFor();
  await page.keyboard.press("Control+c");
  await expect.poll(clipboard).toBe('1\tperson 1\t1.5\n3\t"tab\there"\t4.5');
  expect(page.errors).toEqual([]);
});

test("the full-screen button spreads the grid over the page, and Escape puts it back", async () => {
  const page = await openView("features");
  const frame = page.locator(".el-dataframe .dataframe");
  const grid = page.getByRole("grid");
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).waitFor();
  const inPage = (await grid.boundingBox())!;
  expect(inPage.height).toBeLessThan(320);

  await frame.hover();
  await frame.getByRole("button", { name: "Full screen" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  const spread = (await grid.boundingBox())!;
  expect(spread.width).toBeGreaterThan(1100 - 60);
  expect(spread.height).toBeGreaterThan(800 - 120);
  // More rows are drawn to fill it.
  await bodyRow(grid, 15).waitFor();
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe("hidden");

  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  expect((await grid.boundingBox())!.height).toBe(inPage.height);
  expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe("");
  await frame.hover();
  await frame.getByRole("button", { name: "Full screen" }).click();
  await frame.getByRole("button", { name: "Close full screen" }).click();
  await dialog.waitFor({ state: "detached" });
  expect(page.errors).toEqual([]);
});

test("a screen reader walks the grid: row and column counts, each row's and each cell's index", async () => {
  const page = await openView("features");
  const grid = page.getByRole("grid");
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).waitFor();
  expect(await grid.getAttribute("aria-rowcount")).toBe("41");
  expect(await grid.getAttribute("aria-colcount")).toBe("5");
  const walk = () =>
    grid.evaluate((element) =>
      [...element.querySelectorAll('[role="row"]')].map((row) => ({
        row: Number(row.getAttribute("aria-rowindex")),
        cells: [
          ...row.querySelectorAll('[role="gridcell"], [role="columnheader"], [role="rowheader"]'),
        ].map((cell) => Number(cell.getAttribute("aria-colindex"))),
        firstCell: row.querySelector('[role="rowheader"]')?.textContent ?? null,
      })),
    );
  const check = (rows: Awaited<ReturnType<typeof walk>>) => {
    for (const { row, cells, firstCell } of rows) {
      expect(cells).toEqual([1, 2, 3, 4, 5]);
      // Row 1 is the header; row n + 2 shows the data's row n.
      expect(firstCell).toBe(row === 1 ? null : String(row - 2));
    }
  };
  const top = await walk();
  expect(top[0]!.row).toBe(1);
  expect(top.slice(1, 4).map(({ row }) => row)).toEqual([2, 3, 4]);
  check(top);

  await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await bodyRow(grid, 39).waitFor();
  const bottom = await walk();
  expect(bottom.at(-1)!.row).toBe(41);
  check(bottom);
  expect(page.errors).toEqual([]);
});

test("a 1,000,000-row frame scrolls to its last row, fetching only the batches in view, with a bounded DOM", async () => {
  const page = await openView("big");
  const batches: string[] = [];
  const bytes: number[] = [];
  page.on("response", (response) => {
    if (!response.url().includes("/_edgelit/media/")) return;
    batches.push(response.url());
    bytes.push(Number(response.headers()["content-length"]));
  });
  const grid = page.getByRole("grid");
  await grid.getByRole("gridcell", { name: "0", exact: true }).first().waitFor();
  expect(await grid.getAttribute("aria-rowcount")).toBe("1000001");
  // The first screen is drawn from the frame's head (its first 1,000 rows, 8 KB of numbers), not
  // from its first batch of 65,536 rows.
  expect(batches).toHaveLength(1);
  expect(bytes[0]).toBeLessThan(16 * 1024);

  await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
  const last = bodyRow(grid, 999_999);
  await last.getByRole("gridcell", { name: "999,999", exact: true }).waitFor();
  expect(await last.getByRole("rowheader").textContent()).toBe("999999");
  // The last row sits whole at the bottom of the view, under no other row.
  const view = (await grid.boundingBox())!;
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(view.y + view.height);
  expect(lastBox.y + lastBox.height).toBeGreaterThan(view.y + view.height - 40);
  const nodes = await grid.evaluate((element) => element.querySelectorAll("*").length);
  expect(nodes).toBeLessThan(3000);
  // 16 batches of 65,536 rows: the head and the last batch were fetched, none between.
  expect(new Set(batches).size).toBe(2);
  // The last batch holds the last 16,960 rows.
  expect(bytes[1]).toBeGreaterThanOrEqual(16_960 * 8);

  // From halfway, by the keyboard: Ctrl+Home (the header), then Ctrl+End reaches the last row again.
  await grid.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  const middle = grid.locator('[role="row"]:not(.dataframe-header)').nth(12);
  await expect
    .poll(async () => Number(await middle.getAttribute("aria-rowindex")))
    .toBeGreaterThan(400_000);
  await middle.getByRole("gridcell").first().click();
  await page.keyboard.press("Control+Home");
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-column")))
    .toBe("id");
  await page.keyboard.press("Control+End");
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("999,999");
  expect(await grid.evaluate((element) => element.querySelectorAll("*").length)).toBeLessThan(3000);
  expect(page.errors).toEqual([]);
}, 60_000);

test("column kinds: images, line, bar and area sparklines, progress, links, lists and JSON, in grids and a table", async () => {
  const page = await openView("kinds");
  const [lineGrid, barGrid] = [page.getByRole("grid").nth(0), page.getByRole("grid").nth(1)];
  const table = page.locator(".data-table table");
  await lineGrid.getByRole("gridcell", { name: "tea", exact: true }).waitFor();
  await barGrid.getByRole("gridcell", { name: "tea", exact: true }).waitFor();

  // Images: a data: image draws (the page's policy allows it); a javascript: URL stays text.
  for (const scope of [lineGrid, table]) {
    const image = scope.locator("img.dataframe-image");
    await expect.poll(() => image.count()).toBe(1);
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
      .toBe(2);
    await scope.getByText("javascript:alert(1)", { exact: true }).waitFor();
  }

  // Sparklines: one SVG a cell, its points, bars or filled area from the list.
  const line = lineGrid.getByRole("img", { name: "Line chart: 1, 4, 2, 8" });
  expect(await line.locator("polyline").getAttribute("points")).toBe(
    "0.00,20.80 33.33,14.20 66.67,18.60 100.00,5.40",
  );
  await lineGrid.getByRole("img", { name: "Line chart: 3, 3, 5" }).waitFor();
  const bars = barGrid.getByRole("img", { name: "Bar chart: 1, 4, 2, 8" });
  expect(await bars.locator("rect").count()).toBe(4);
  const area = table.getByRole("img", { name: "Area chart: 3, 3, 5" });
  expect(await area.locator("polygon").count()).toBe(1);

  // Progress, links (http only), lists and JSON.
  const progress = lineGrid.getByRole("progressbar").first();
  expect(await progress.getAttribute("aria-valuenow")).toBe("40");
  expect(await lineGrid.getByRole("link").getAttribute("href")).toBe("https://tea.example/");
  await lineGrid.getByText("ftp://cake.example/", { exact: true }).waitFor();
  await lineGrid.getByRole("gridcell", { name: "1, 2, 3", exact: true }).waitFor();
  await barGrid.getByRole("gridcell", { name: "[1,2,3]", exact: true }).waitFor();
  expect(await table.getByRole("cell", { name: "1, 2, 3", exact: true }).count()).toBe(1);
  expect(page.errors).toEqual([]);
});

test("st.table and st.dataframe fit inside a column, a tab and the sidebar, in light and dark themes", async () => {
  const page = await openView("containers");
  await page.locator(".data-table").nth(2).waitFor();
  await expect.poll(() => page.getByRole("grid").count()).toBe(3);
  const textColours: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const fits = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll(".data-table, .dataframe")].map((element) => {
        const box = element.getBoundingClientRect();
        const outer = element.parentElement!.getBoundingClientRect();
        return {
          inside: box.left >= outer.left - 1 && box.right <= outer.right + 1,
          narrower: box.width < window.innerWidth,
        };
      });
      return {
        boxes,
        pageWidth: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        inSidebar: document.querySelectorAll('aside .data-table, aside [role="grid"]').length,
        gridText: getComputedStyle(document.querySelector('[role="grid"]')!).color,
      };
    });
    expect(fits.boxes).toHaveLength(6);
    expect(fits.boxes.every((box) => box.inside && box.narrower)).toBe(true);
    expect(fits.pageWidth).toBeLessThanOrEqual(fits.viewport);
    expect(fits.inSidebar).toBe(2);
    textColours.push(fits.gridText);
    // Each grid and table scrolls its wide columns sideways inside itself.
    const scrolls = await page.evaluate(() =>
      [...document.querySelectorAll('.data-table-scroll, [role="grid"]')].map(
        (element) => element.scrollWidth > element.clientWidth,
      ),
    );
    expect(scrolls).toEqual([true, true, true, true, true, true]);
  }
  // The two themes were drawn.
  expect(textColours[0]).not.toBe(textColours[1]);
  expect(page.errors).toEqual([]);
});

test("a 1,000,000-row frame sorts on the server: the page fetches the order and only the batches it shows", async () => {
  const page = await openView("big");
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(`${request.method()} ${request.url()}`));
  const grid = page.getByRole("grid");
  await grid.getByRole("gridcell", { name: "0", exact: true }).first().waitFor();

  const header = grid.getByRole("columnheader", { name: "id" });
  await header.getByRole("button", { name: "Sort by id" }).click();
  expect(await header.getAttribute("aria-sort")).toBe("ascending");
  await header.getByRole("button", { name: "Sort by id" }).click();
  expect(await header.getAttribute("aria-sort")).toBe("descending");
  const first = bodyRow(grid, 0);
  await first.getByRole("gridcell", { name: "999,999", exact: true }).waitFor();
  expect(await first.getByRole("rowheader").textContent()).toBe("999999");
  expect(await bodyRow(grid, 1).getByRole("rowheader").textContent()).toBe("999998");
  await expect.poll(() => grid.getAttribute("aria-busy")).toBe("false");

  // Two sorts asked of the server, two orders fetched; the head, and of the 16 batches the last.
  const orders = fetched.filter(
    (line) => line.startsWith("POST") && line.endsWith("/_edgelit/frame-order"),
  );
  expect(orders).toHaveLength(2);
  const media = new Set(fetched.filter((line) => line.includes("/_edgelit/media/")));
  expect(media.size).toBeLessThanOrEqual(2 + 2);
  expect(media.size).toBeGreaterThanOrEqual(3);

  // Back to ascending (the third click turns the sort off, then on again): from the order kept.
  await header.getByRole("button", { name: "Sort by id" }).click();
  await header.getByRole("button", { name: "Sort by id" }).click();
  await first.getByRole("gridcell", { name: "0", exact: true }).waitFor();
  expect(
    fetched.filter((line) => line.startsWith("POST") && line.endsWith("/_edgelit/frame-order")),
  ).toHaveLength(2);
  expect(page.errors).toEqual([]);
}, 60_000);
