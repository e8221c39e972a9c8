import { expect, test } from "vitest";
import type { Locator } from "playwright-core";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/data-editor-app.ts" });

test("a cell of a 200,000-row editor is edited by double-click and Enter; the app sees the diff and the edited data", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").first();
  expect(await grid.getAttribute("aria-rowcount")).toBe("200001");
  await grid.getByRole("gridcell", { name: "row 5", exact: true }).dblclick();
  const input = grid.getByRole("textbox", { name: "Edit name" });
  await input.fill("renamed");
  await input.press("Enter");
  await page
    .getByText('big diff {"editedRows":{"5":{"name":"renamed"}},"addedRows":[],"deletedRows":[]}', {
      exact: true,
    })
    .waitFor({ timeout: 10_000 });
  await page.getByText("last name row 199999, row 5 renamed 5", { exact: true }).waitFor();
  await grid.getByRole("gridcell", { name: "renamed", exact: true }).waitFor();
  // Enter moved the focus to the cell below; typing there opens its input with that key.
  await page.keyboard.type("7");
  await page.keyboard.press("Escape");
  expect(await grid.getByRole("textbox").count()).toBe(0);
  await grid.getByRole("gridcell", { name: "row 6", exact: true }).waitFor();

  // A number cell takes a number typed in; Tab commits it.
  await grid.getByRole("gridcell", { name: "5", exact: true }).last().dblclick();
  await grid.getByRole("textbox", { name: "Edit score" }).fill("55.5");
  await page.keyboard.press("Tab");
  await page.getByText("last name row 199999, row 5 renamed 55.5", { exact: true }).waitFor({
    timeout: 10_000,
  });
  // A disabled column opens no input.
  await grid.getByRole("gridcell", { name: "7", exact: true }).first().dblclick();
  expect(await grid.getByRole("textbox").count()).toBe(0);
  // Delete empties the focused cell.
  await grid.getByRole("gridcell", { name: "row 7", exact: true }).click();
  await page.keyboard.press("Delete");
  await page
    .getByText(
      'big diff {"editedRows":{"5":{"name":"renamed","score":55.5},"7":{"name":null}},"addedRows":[],"deletedRows":[]}',
      { exact: true },
    )
    .waitFor({ timeout: 10_000 });
  expect(page.errors).toEqual([]);
});

test("a dynamic editor adds a row (defaults filled) and deletes a ticked one; a checkbox cell toggles", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").nth(1);
  await grid.getByRole("gridcell", { name: "write", exact: true }).waitFor();

  // Columns: the row's checkbox (1), its number (2), task, hours, done, owner (3 to 6).
  const cell = (row: number, column: number) =>
    grid.locator(`[role="row"][aria-rowindex="${row + 2}"] [aria-colindex="${column}"]`);
  await cell(0, 5).click();
  await page
    .getByText(
      'tasks [{"task":"write","hours":2,"done":true,"owner":"Ada"},{"task":"test","hours":1,"done":true,"owner":"Alan"}]',
      { exact: true },
    )
    .waitFor({ timeout: 10_000 });

  await page.getByRole("button", { name: "+ Add row" }).click();
  // The new row shows the owner's default; its task is required, so it stays in the page until set.
  await cell(2, 6).getByText("Grace", { exact: true }).waitFor();
  expect(await grid.getAttribute("aria-rowcount")).toBe("4");
  expect(await page.getByText(/^tasks /).textContent()).not.toContain("Grace");
  await cell(2, 3).dblclick();
  await grid.getByRole("textbox", { name: "Edit Task" }).fill("ship");
  await page.keyboard.press("Enter");
  await page
    .getByText('{"task":"ship","hours":null,"done":null,"owner":"Grace"}]', { exact: false })
    .waitFor({ timeout: 10_000 });

  // A selectbox cell offers its options.
  await cell(2, 6).dblclick();
  await grid.getByRole("combobox", { name: "Edit Owner" }).selectOption("Alan");
  await page.keyboard.press("Enter");
  await page
    .getByText('{"task":"ship","hours":null,"done":null,"owner":"Alan"}]', { exact: false })
    .waitFor({ timeout: 10_000 });

  await grid.getByRole("checkbox", { name: "Select row 0", exact: true }).check();
  await page.getByRole("button", { name: "Delete row" }).click();
  await page
    .getByText(
      'tasks [{"task":"test","hours":1,"done":true,"owner":"Alan"},{"task":"ship","hours":null,"done":null,"owner":"Alan"}]',
      { exact: true },
    )
    .waitFor({ timeout: 10_000 });
  await grid.getByRole("gridcell", { name: "write", exact: true }).waitFor({ state: "detached" });
  expect(page.errors).toEqual([]);
});

test("a refused edit marks its cell with the reason, and the app keeps its data", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").nth(1);
  const hours = grid.getByRole("gridcell", { name: "2", exact: true });
  await hours.dblclick();
  // Not a number: the page says why and keeps the input open.
  const input = grid.getByRole("textbox", { name: "Edit Hours" });
  await input.fill("many");
  await input.press("Enter");
  await grid.getByRole("alert").getByText('"many" is not a number').waitFor();
  // Beyond the column's max: refused; the cell shows 2 still, marked with the reason.
  await input.fill("30");
  await input.press("Enter");
  const marked = grid.getByRole("gridcell", { name: "2", exact: true });
  await expect.poll(() => marked.getAttribute("aria-invalid")).toBe("true");
  expect(await describedBy(marked)).toBe('column "hours" takes numbers up to 24, got 30');
  // The reason shows under the cell while the pointer is on it.
  await marked.hover();
  await grid.getByText('column "hours" takes numbers up to 24, got 30').waitFor();
  await page
    .getByText(
      'tasks [{"task":"write","hours":2,"done":false,"owner":"Ada"},{"task":"test","hours":1,"done":true,"owner":"Alan"}]',
      { exact: true },
    )
    .waitFor();
  expect(page.errors).toEqual([]);
});

test("date and datetime cells edit in the browser's inputs, in UTC", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const grid = page.getByRole("grid").nth(2);
  await grid.getByRole("gridcell", { name: "2024-01-02", exact: true }).dblclick();
  const day = grid.getByLabel("Edit Day");
  expect(await day.inputValue()).toBe("2024-01-02");
  await day.fill("2024-06-30");
  await day.press("Enter");
  await page
    .getByText("days 2024-06-30T00:00:00.000Z 2024-01-02T09:30:00.000Z", { exact: true })
    .waitFor({ timeout: 10_000 });
  await grid.getByRole("gridcell", { name: "2024-01-02 09:30:00", exact: true }).dblclick();
  const at = grid.getByLabel("Edit at");
  // The browser drops zero seconds from the value it shows.
  expect(await at.inputValue()).toBe("2024-01-02T09:30");
  await at.fill("2024-01-03T18:05:00");
  await at.press("Tab");
  await page
    .getByText("days 2024-06-30T00:00:00.000Z 2024-01-03T18:05:00.000Z", { exact: true })
    .waitFor({ timeout: 10_000 });
  expect(page.errors).toEqual([]);
});

/** The text of the elements that describe an element (its aria-describedby), as a screen reader reads it. */
function describedBy(element: Locator): Promise<string> {
  return element.evaluate((node) =>
    (node.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ")
      .trim(),
  );
}
