import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/dataframe-select-app.ts" });

test("rows selected by their checkboxes reach the app as positions in the data, whatever the sort", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").first();
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).waitFor();
  expect(await grid.getAttribute("aria-multiselectable")).toBe("true");

  await grid.getByRole("checkbox", { name: "Select row 2", exact: true }).check();
  await page.getByText("rows [2]", { exact: true }).waitFor({ timeout: 5000 });

  // Sorted by score, the second row shown is the data's row 43 (score 1).
  await grid.getByRole("button", { name: "Sort by score" }).click();
  const second = grid.locator('[role="row"][aria-rowindex="3"]');
  await second.getByRole("gridcell", { name: "person 43", exact: true }).waitFor();
  await second.getByRole("checkbox").check();
  await page.getByText("rows [2,43]", { exact: true }).waitFor({ timeout: 5000 });
  expect(await second.getAttribute("aria-selected")).toBe("true");
  // Unchecking sends the rest.
  await grid.getByRole("checkbox", { name: "Select row 2", exact: true }).uncheck();
  await page.getByText("rows [43]", { exact: true }).waitFor({ timeout: 5000 });
  expect(page.errors).toEqual([]);
});

test("arrow keys move the focused cell through the grid, and Space selects the focused row", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").first();
  expect(await grid.getAttribute("aria-rowcount")).toBe("51");
  expect(await grid.getAttribute("aria-colcount")).toBe("4");
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).click();
  const focused = () =>
    page.evaluate(() => {
      const cell = document.activeElement!;
      return {
        text: cell.textContent,
        row: cell.closest('[role="row"]')!.getAttribute("aria-rowindex"),
        column: cell.getAttribute("aria-colindex"),
      };
    });
  expect(await focused()).toEqual({ text: "person 0", row: "2", column: "3" });
  // One tabbable cell: the focused one.
  expect(await grid.locator('[tabindex="0"]').count()).toBe(1);

  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  expect(await focused()).toEqual({ text: "14", row: "4", column: "4" });
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  expect(await focused()).toEqual({ text: "score", row: "1", column: "4" });
  // Far down: the row is scrolled into view and drawn, then focused.
  await page.keyboard.press("Control+End");
  await expect.poll(focused).toEqual({ text: "43", row: "51", column: "4" });
  await page.keyboard.press("Space");
  await page.getByText("rows [49]", { exact: true }).waitFor({ timeout: 5000 });
  // The rerun that followed kept the grid's cells, and the focus in them.
  expect(await focused()).toEqual({ text: "43", row: "51", column: "4" });
  expect(await grid.locator('[aria-rowindex="51"]').getAttribute("aria-selected")).toBe("true");
  expect(page.errors).toEqual([]);
});

test("a cell click selects the cell, a header click its column; the sort button still sorts", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").nth(1);
  expect(await grid.getAttribute("aria-multiselectable")).toBe("true");
  await grid.getByRole("gridcell", { name: "Earth", exact: true }).click();
  await page.getByText('cells [[2,"planet"]]', { exact: true }).waitFor({ timeout: 5000 });
  // Single-cell: another cell replaces it.
  await grid.getByRole("gridcell", { name: "Venus", exact: true }).click();
  await page.getByText('cells [[1,"planet"]]', { exact: true }).waitFor({ timeout: 5000 });
  expect(
    await grid.getByRole("gridcell", { name: "Venus", exact: true }).getAttribute("aria-selected"),
  ).toBe("true");

  await grid.getByRole("columnheader", { name: "moons" }).locator(".dataframe-label").click();
  await page.getByText('columns ["moons"]', { exact: true }).waitFor({ timeout: 5000 });
  // Keyboard: Space on the focused header selects it too.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Space");
  await page.getByText('columns ["moons","planet"]', { exact: true }).waitFor({ timeout: 5000 });

  await grid.getByRole("button", { name: "Sort by moons" }).click();
  expect(await grid.getByRole("columnheader", { name: "moons" }).getAttribute("aria-sort")).toBe(
    "ascending",
  );
  expect(page.errors).toEqual([]);
});

test("the toolbar's download saves the frame as CSV: a BOM, quoted fields, empty cells", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.locator(".el-dataframe").nth(2);
  await grid.getByRole("gridcell", { name: "plain", exact: true }).waitFor();
  await grid.hover();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    grid.getByRole("button", { name: "Download as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("data.csv");
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(bytes.toString("utf8")).toBe(
    "\ufefftext,amount,flag\n" +
      "plain,1234.5,true\n" +
      '"a,b",-0.25,false\n' +
      '"say ""hi""",3,\n' +
      '"two\nlines",,true\n' +
      "café ✓,1e+21,false\n" +
      ",7,true\n",
  );
  expect(page.errors).toEqual([]);
});

test("the toolbar's search shows the rows whose text holds the query, and Escape shows them all", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").first();
  await grid.getByRole("gridcell", { name: "person 0", exact: true }).waitFor();
  await grid.hover();
  await page.getByRole("button", { name: "Search" }).first().click();
  const search = page.getByRole("searchbox", { name: "Search the table" });
  await search.fill("PERSON 4");
  await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("12");
  const names = await grid.locator('[aria-colindex="3"][role="gridcell"]').allTextContents();
  expect(names).toEqual(["person 4", ...Array.from({ length: 10 }, (_, i) => `person 4${i}`)]);
  // A row found is selected by its position in the data.
  await grid.getByRole("checkbox", { name: "Select row 41", exact: true }).check();
  await page.getByText("rows [41]", { exact: true }).waitFor({ timeout: 5000 });
  await search.press("Escape");
  await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("51");
  expect(page.errors).toEqual([]);
});

test("st.columnConfig in the grid: labels, a number format, links (http only), a progress bar, checkboxes, dates, a pinned column", async () => {
  const page = await fixture.browser.newPage();
  await page.setViewportSize({ width: 600, height: 800 });
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").nth(3);
  await grid.getByRole("gridcell", { name: "T1", exact: true }).waitFor();
  expect(await grid.getByRole("columnheader").allTextContents()).toEqual([
    "Code",
    "Price",
    "Site",
    "Done",
    "Fresh",
    "Made",
  ]);
  expect(await grid.getByRole("columnheader", { name: "Code" }).getAttribute("title")).toBe(
    "The shelf code",
  );
  const first = grid.locator('[role="row"][aria-rowindex="2"]').getByRole("gridcell");
  const second = grid.locator('[role="row"][aria-rowindex="3"]').getByRole("gridcell");
  expect(await first.allTextContents()).toEqual([
    "T1",
    "$1,234.50",
    "Visit",
    "0",
    "",
    "03/02/2024",
  ]);
  expect(await second.allTextContents()).toEqual(["C2", "$3.00", "Visit", "1", "", "25/12/2023"]);
  // An http(s) URL is a link that opens apart; javascript: stays text.
  const link = first.getByRole("link", { name: "Visit" });
  expect(await link.getAttribute("href")).toBe("https://tea.example/menu");
  expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
  expect(await second.getByRole("link").count()).toBe(0);
  expect(await first.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.4");
  expect(await first.getByRole("checkbox").isChecked()).toBe(true);
  expect(await second.getByRole("checkbox").isChecked()).toBe(false);
  // "small" is 75 px; pinned, it stays at the left while the grid scrolls sideways.
  const code = first.first();
  expect((await code.boundingBox())!.width).toBe(75);
  const before = (await code.boundingBox())!.x;
  await grid.evaluate((element) => (element.scrollLeft = 300));
  await expect.poll(async () => (await second.nth(1).boundingBox())!.x).toBeLessThan(before);
  expect((await code.boundingBox())!.x).toBe(before);
  expect(page.errors).toEqual([]);
});
