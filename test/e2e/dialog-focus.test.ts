import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  server = await startEdgelit({ app: "test/e2e/fixtures/fragments-app.ts" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

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
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Vote for edgelit");
  expect(page.errors).toEqual([]);
});

test("Escape in a popover inside a dialog closes the popover only; the next Escape dismisses the dialog", async () => {
  const app = await startEdgelit({ app: "test/e2e/fixtures/dialog-popover-app.ts" });
  try {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("button", { name: "Open settings" }).click();
    const modal = page.getByRole("dialog", { name: "Chart settings" });
    await modal.waitFor();

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
  } finally {
    await app.stop();
  }
});

test("Tab from a dialog's last visible control wraps to its first, past controls hidden in a closed popover", async () => {
  const app = await startEdgelit({ app: "test/e2e/fixtures/dialog-popover-app.ts" });
  try {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("button", { name: "Open settings" }).click();
    const modal = page.getByRole("dialog", { name: "Chart settings" });
    await modal.waitFor();

    await modal.getByRole("button", { name: "More options" }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Close");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("More options");
    expect(page.errors).toEqual([]);
  } finally {
    await app.stop();
  }
});

test("Tab reaches an expander at the end of a dialog, then wraps to the dialog's first control", async () => {
  const app = await startEdgelit({ app: "test/e2e/fixtures/dialog-popover-app.ts" });
  try {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("button", { name: "Open help" }).click();
    const modal = page.getByRole("dialog", { name: "Help" });
    await modal.waitFor();

    await modal.getByRole("button", { name: "Got it" }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Details");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Close");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Details");
    expect(page.errors).toEqual([]);
  } finally {
    await app.stop();
  }
});
