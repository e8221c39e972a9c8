import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const app = appInBrowser({ app: "test/e2e/fixtures/expander-app.ts" });

test("an expander the user opened stays open when a run inserts elements above it", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  const details = page.locator("details.expander");
  await page.getByText("Details").click();
  await expect.poll(() => details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
  for (const count of [1, 2]) {
    await page.getByRole("button", { name: "Add a note" }).click();
    await page.getByText(`Note ${count}`, { exact: true }).waitFor();
    expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    expect(await page.getByText("Inside the expander").isVisible()).toBe(true);
  }
  // Closed by the user, it stays closed too.
  await page.getByText("Details").click();
  await page.getByRole("button", { name: "Add a note" }).click();
  await page.getByText("Note 3", { exact: true }).waitFor();
  expect(await details.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
  expect(page.errors).toEqual([]);
});
