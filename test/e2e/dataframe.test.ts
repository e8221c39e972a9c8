import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/dataframe-app.ts" });

/** The grid's most rows in the DOM at once: what is in view and the overscan, whatever the frame's length. */
const MAX_ROW_ELEMENTS = 200;

test("a 200,000-row dataframe shows its first rows, scrolls to its last with a bounded DOM, and sorts by a column", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").first();
  const bodyRow = (index: number) => grid.locator(`[role="row"][aria-rowindex="${index + 2}"]`);

  await bodyRow(0).getByRole("gridcell", { name: "row 0", exact: true }).waitFor();
  await expect(bodyRow(0).getByRole("gridcell").allTextContents()).resolves.toEqual([
    "0",
    "199,999",
    "row 0",
    "2024-01-01",
  ]);
  expect(await grid.getAttribute("aria-rowcount")).toBe("200001");
  expect(await grid.getByRole("columnheader").allTextContents()).toEqual([
    "",
    "id",
    "reverse",
    "name",
    "day",
  ]);
  expect(await grid.getByRole("row").count()).toBeLessThan(MAX_ROW_ELEMENTS);

  // To the last row: its batch is fetched as it comes into view; the DOM stays small.
  await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
  const last = bodyRow(199_999);
  await last.getByRole("gridcell", { name: "row 199999", exact: true }).waitFor();
  expect(await last.getByRole("rowheader").textContent()).toBe("199999");
  expect(await grid.getByRole("row").count()).toBeLessThan(MAX_ROW_ELEMENTS);

  // Sorting by "reverse" (ascending) puts the frame's last row first.
  const header = grid.getByRole("columnheader", { name: "reverse" });
  await header.getByRole("button").click();
  expect(await header.getAttribute("aria-sort")).toBe("ascending");
  await bodyRow(0).getByRole("gridcell", { name: "row 199999", exact: true }).waitFor();
  expect(await bodyRow(0).getByRole("rowheader").textContent()).toBe("199999");
  expect(await bodyRow(1).getByRole("gridcell").first().textContent()).toBe("199,998");
  // Again: descending, the frame's order back.
  await header.getByRole("button").click();
  expect(await header.getAttribute("aria-sort")).toBe("descending");
  await bodyRow(0).getByRole("gridcell", { name: "row 0", exact: true }).waitFor();
  expect(await grid.getByRole("row").count()).toBeLessThan(MAX_ROW_ELEMENTS);
  expect(page.errors).toEqual([]);
});

test("the CSV download holds every batch of a 200,000-row frame, in the data's order", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const frame = page.locator(".el-dataframe").first();
  await frame.getByRole("gridcell", { name: "row 0", exact: true }).waitFor();
  await frame.hover();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    frame.getByRole("button", { name: "Download as CSV" }).click(),
  ]);
  const lines = (await readFile((await download.path())!, "utf8")).split("\n");
  const day = (i: number) =>
    new Date(Date.UTC(2024, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
  expect(lines).toHaveLength(200_002);
  expect(lines[0]).toBe("\ufeffid,reverse,name,day");
  expect(lines[1]).toBe(`0,199999,row 0,${day(0)}`);
  expect(lines[65_537]).toBe(`65536,134463,row 65536,${day(65_536)}`);
  expect(lines[200_000]).toBe(`199999,0,row 199999,${day(199_999)}`);
  expect(lines[200_001]).toBe("");
  expect(page.errors).toEqual([]);
});

test("a wide st.table and st.dataframe scroll inside their column without widening the page", async () => {
  const page = await fixture.browser.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(fixture.server.url);
  const table = page.locator(".data-table-scroll");
  await table.getByRole("cell", { name: "a long cell 29" }).waitFor({ state: "attached" });
  const sizes = await table.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
    pageWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
  expect(sizes.clientWidth).toBeLessThan(500);
  expect(sizes.pageWidth).toBeLessThanOrEqual(sizes.viewport);
  const grid = page.getByRole("grid").nth(1);
  await grid.getByRole("gridcell", { name: "a long cell 0", exact: true }).waitFor();
  const gridSizes = await grid.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(gridSizes.scrollWidth).toBeGreaterThan(gridSizes.clientWidth);
  expect(gridSizes.clientWidth).toBeLessThan(500);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1000);
  expect(page.errors).toEqual([]);
});

test("the grid takes the page's light and dark colours", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const cell = page.getByRole("gridcell", { name: "row 0", exact: true });
  await cell.waitFor();
  const colours = () =>
    cell.evaluate((element) => ({
      cell: getComputedStyle(element).color,
      page: getComputedStyle(document.body).color,
      grid: getComputedStyle(element.closest('[role="grid"]')!).backgroundColor,
      pageBackground: getComputedStyle(document.body).backgroundColor,
    }));
  await page.emulateMedia({ colorScheme: "light" });
  const light = await colours();
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await colours();
  expect(light.cell).toBe(light.page);
  expect(dark.cell).toBe(dark.page);
  expect(dark.grid).toBe(dark.pageBackground);
  expect(dark.cell).not.toBe(light.cell);
  expect(dark.grid).not.toBe(light.grid);
});
