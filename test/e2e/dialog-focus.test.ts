import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let server: Awaited<ReturnType<typeof startEdgelit>>;
let dialogs: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  [server, dialogs] = await Promise.all([
    startEdgelit({ app: "test/e2e/fixtures/fragments-app.ts" }),
    startEdgelit({ app: "test/e2e/fixtures/dialog-popover-app.ts" }),
  ]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dialogs?.stop();
});

/** The dialog fixture's page with the dialog `name` opened by its button `opener`. */
async function openDialog(opener: string, name: string) {
  const page = await browser.newPage();
  await page.goto(dialogs.url);
  await page.getByRole("button", { name: opener }).click();
  const modal = page.getByRole("dialog", { name });
  await modal.waitFor();
  return { page, modal };
}

const focusedLabel = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent);

test("a dialog the app closes (st.rerun from inside it) gives focus back to the button that opened it", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const opener = page.getByRole("button", { name: "Vote for edgelit" });
  await opener.click();
  const modal = page.getByRole("dialog", { name: "Cast your vote" });
  await modal.waitFor();

  await modal.getByRole("button", { name: "Submit vote" }).click();
  await page.getByText("You voted for edgelit.").waitFor();
  await modal.waitFor({ state: "detached" });
  expect(await focusedText(page)).toBe("Vote for edgelit");
  expect(page.errors).toEqual([]);
});

test("Escape in a popover inside a dialog closes the popover only; the next Escape dismisses the dialog", async () => {
  const { page, modal } = await openDialog("Open settings", "Chart settings");
  const opener = modal.getByRole("button", { name: "More options" });
  await opener.click();
  const grid = modal.getByLabel("Show grid");
  await grid.waitFor();
  await page.keyboard.press("Escape");
  await grid.waitFor({ state: "hidden" });
  expect(await modal.isVisible()).toBe(true);
  expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);

  await page.keyboard.press("Escape");
  await modal.waitFor({ state: "detached" });
  expect(page.errors).toEqual([]);
});

test("Tab from a dialog's last visible control wraps to its first, past controls hidden in a closed popover", async () => {
  const { page, modal } = await openDialog("Open settings", "Chart settings");
  await modal.getByRole("button", { name: "More options" }).focus();
  await page.keyboard.press("Tab");
  expect(await focusedLabel(page)).toBe("Close");
  await page.keyboard.press("Shift+Tab");
  expect(await focusedText(page)).toContain("More options");
  expect(page.errors).toEqual([]);
});

test("Tab reaches an expander at the end of a dialog, then wraps to the dialog's first control", async () => {
  const { page, modal } = await openDialog("Open help", "Help");
  await modal.getByRole("button", { name: "Got it" }).focus();
  await page.keyboard.press("Tab");
  expect(await focusedText(page)).toBe("Details");
  await page.keyboard.press("Tab");
  expect(await focusedLabel(page)).toBe("Close");
  await page.keyboard.press("Shift+Tab");
  expect(await focusedText(page)).toBe("Details");
  expect(page.errors).toEqual([]);
});
