import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appInBrowser } from "../helpers/browser.ts";

// st.dataEditor's grid tools: sort, search and paste, as the dataframe's grid has them.
const fixture = appInBrowser({ app: "test/e2e/fixtures/data-editor-app.ts" });

const BIG_DIFF = (edits: string) =>
  `big diff {"editedRows":${edits},"addedRows":[],"deletedRows":[]}`;

test("sorting the editor by a column header keeps edits on the data's own rows", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").first();
  await grid.getByRole("gridcell", { name: "row 0", exact: true }).waitFor();
  const sortByName = grid.getByRole("button", { name: "Sort by name" });
  await sortByName.click();
  await sortByName.click();
  const header = grid.getByRole("columnheader", { name: "name" });
  await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
  // The 200,000 rows, sorted by name descending: "row 199999" comes first, with its row number.
  const firstRow = grid.locator('[role="row"][aria-rowindex="2"]');
  await firstRow.getByRole("gridcell", { name: "row 199999", exact: true }).waitFor();
  await firstRow.getByRole("rowheader", { name: "199999", exact: true }).waitFor();
  await firstRow.getByRole("gridcell", { name: "row 199999", exact: true }).dblclick();
  await grid.getByRole("textbox", { name: "Edit name" }).fill("top");
  await page.keyboard.press("Enter");
  await page.getByText(BIG_DIFF('{"199999":{"name":"top"}}'), { exact: true }).waitFor({
    timeout: 10_000,
  });
  await page.getByText("last name top, row 5 row 5 5", { exact: true }).waitFor();
  // The order stays as sorted: the edited row keeps its place.
  await firstRow.getByRole("gridcell", { name: "top", exact: true }).waitFor();
  expect(page.errors).toEqual([]);
});

test("Ctrl+F searches the editor's rows; an edit of a found row changes that row", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").first();
  await grid.getByRole("gridcell", { name: "row 3", exact: true }).click();
  await page.keyboard.press("Control+f");
  const search = page.getByRole("searchbox", { name: "Search the table" });
  await search.fill("row 123456");
  await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("2");
  const found = grid.locator('[role="row"][aria-rowindex="2"]');
  await found.getByRole("gridcell", { name: "row 123456", exact: true }).waitFor();
  // Its score (123456 % 100), in the fourth column (after the row number, id and name).
  await found.locator('[aria-colindex="4"]').dblclick();
  await grid.getByRole("textbox", { name: "Edit score" }).fill("1");
  await page.keyboard.press("Enter");
  await page.getByText(BIG_DIFF('{"123456":{"score":1}}'), { exact: true }).waitFor({
    timeout: 10_000,
  });
  // Escape in the box ends the search: every row again.
  await search.press("Escape");
  await expect.poll(() => grid.getAttribute("aria-rowcount")).toBe("200001");
  expect(page.errors).toEqual([]);
});

test("a pasted block fills cells right and down and adds rows, in one event; a cell that does not fit is refused at the cell", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").nth(1);
  await grid.getByRole("gridcell", { name: "write", exact: true }).waitFor();
  const runsBefore = await runCount(page);
  // Columns: the row's checkbox (1), its number (2), task, hours, done, owner (3 to 6).
  const cell = (row: number, column: number) =>
    grid.locator(`[role="row"][aria-rowindex="${row + 2}"] [aria-colindex="${column}"]`);

  await fixture.browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(fixture.server.url).origin,
  });
  await page.evaluate(() => navigator.clipboard.writeText("alpha\t3\nbeta\t99\ngamma\t4\n"));
  await cell(0, 3).click();
  await page.keyboard.press("Control+v");
  await page
    .getByText(
      'tasks [{"task":"alpha","hours":3,"done":false,"owner":"Ada"},' +
        '{"task":"beta","hours":1,"done":true,"owner":"Alan"},' +
        '{"task":"gamma","hours":4,"done":null,"owner":"Grace"}]',
      { exact: true },
    )
    .waitFor({ timeout: 10_000 });
  expect(await runCount(page)).toBe(runsBefore + 1);
  // 99 is past the hours' max of 24: that cell keeps its value, marked with the reason.
  await expect.poll(() => cell(1, 4).getAttribute("aria-invalid")).toBe("true");
  expect(await cell(1, 4).textContent()).toContain("1");
  const reason = await cell(1, 4).evaluate(
    (node) => document.getElementById(node.getAttribute("aria-describedby") ?? "")?.textContent,
  );
  expect(reason).toBe('column "hours" takes numbers up to 24, got 99');
  expect(await cell(0, 4).getAttribute("aria-invalid")).toBeNull();
  expect(page.errors).toEqual([]);
});

// --- Internal helpers ---

async function runCount(page: Page): Promise<number> {
  const text = await page.getByText(/^runs \d+$/).textContent();
  return Number(text!.slice(5));
}
