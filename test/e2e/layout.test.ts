import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/layout-app.ts" });

/** The layout page, loaded, with a count of the events it sends. */
async function openLayoutPage(): Promise<{
  page: Page & { errors: string[] };
  events: () => number;
}> {
  const page = await fixture.browser.newPage();
  let events = 0;
  page.on("request", (request) => request.url().endsWith("/_edgelit/event") && events++);
  await page.goto(fixture.server.url);
  await page.getByText("Hello from the popover.").waitFor();
  return { page, events: () => events };
}

async function box(
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`no box for ${locator}`);
  return found;
}

test("a popover opens and closes in the page, without a request, and manages focus", async () => {
  const { page, events } = await openLayoutPage();
  const button = page.getByRole("button", { name: "Popover settings" });
  const panel = page.getByRole("dialog", { name: "Popover settings" });
  const toggle = page.getByRole("checkbox", { name: "Shout" });
  expect(await button.getAttribute("aria-expanded")).toBe("false");
  expect(await panel.isVisible()).toBe(false);
  const before = events();

  await button.click();
  await panel.waitFor();
  expect(await button.getAttribute("aria-expanded")).toBe("true");
  // Focus moves into the panel, to its first widget.
  expect(await toggle.evaluate((input) => input === document.activeElement)).toBe(true);

  // A click elsewhere in the page closes it.
  await page.getByRole("heading", { name: "Layout" }).click();
  await panel.waitFor({ state: "hidden" });
  expect(await button.getAttribute("aria-expanded")).toBe("false");

  // Escape closes it and gives focus back to the button.
  await button.click();
  await panel.waitFor();
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "hidden" });
  expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

  expect(events()).toBe(before);
  expect(page.errors).toEqual([]);
});

test("a widget inside a popover works, and the popover stays open through the rerun", async () => {
  const { page, events } = await openLayoutPage();
  await page.getByRole("button", { name: "Popover settings" }).click();
  const panel = page.getByRole("dialog", { name: "Popover settings" });
  await panel.waitFor();
  const before = events();
  await panel.getByText("Shout").click();
  await page.getByText("HELLO FROM THE POPOVER!").waitFor();
  expect(events()).toBe(before + 1);
  expect(await page.getByRole("checkbox", { name: "Shout" }).isChecked()).toBe(true);
  expect(await panel.isVisible()).toBe(true);
  expect(page.errors).toEqual([]);
});

test("st.bottom is pinned to the foot of the window, below the main area's content, above the chat input", async () => {
  const { page } = await openLayoutPage();
  const pinned = page.getByText("Pinned to the bottom of the page with st.bottom.");
  const chatInput = page.getByRole("textbox", { name: "Ask about layout" });
  const viewport = page.viewportSize()!;
  const atTop = await box(pinned);
  const chatBox = await box(chatInput);
  // The app called chatInput first; the chat input still comes last, as in Streamlit.
  expect(chatBox.y).toBeGreaterThanOrEqual(atTop.y + atTop.height);
  expect(chatBox.y + chatBox.height).toBeGreaterThan(viewport.height - 80);
  expect(chatBox.y + chatBox.height).toBeLessThanOrEqual(viewport.height);

  // Scrolled to the end, the main column's content ends above it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const lastOfMain = await box(page.getByText("Hello from the popover."));
  const mainContent = await box(page.locator("main > .stack"));
  const atEnd = await box(pinned);
  expect(atEnd.y).toBeGreaterThanOrEqual(mainContent.y + mainContent.height);
  expect(atEnd.y).toBeGreaterThan(lastOfMain.y + lastOfMain.height);
});

test("a container with a height scrolls its content", async () => {
  const { page } = await openLayoutPage();
  const log = page.locator(".st-key-log");
  await page.getByText("Log line 12 of", { exact: false }).waitFor({ state: "attached" });
  const sizes = await log.evaluate((element) => ({
    scrollHeight: element.scrollHeight,
    clientHeight: element.clientHeight,
    height: element.getBoundingClientRect().height,
    border: getComputedStyle(element).borderTopWidth,
  }));
  expect(sizes.height).toBeCloseTo(160, 0);
  expect(sizes.scrollHeight).toBeGreaterThan(sizes.clientHeight);
  expect(sizes.border).toBe("1px");
  // The last line is below the box's edge until the box scrolls.
  const lastLine = page.getByText("Log line 12 of", { exact: false });
  const logBox = await box(log);
  expect((await box(lastLine)).y).toBeGreaterThan(logBox.y + logBox.height);
  await log.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const scrolled = await box(lastLine);
  expect(scrolled.y + scrolled.height).toBeLessThanOrEqual(logBox.y + logBox.height);
});

test("columns with verticalAlignment center put short content at the middle of the tall one", async () => {
  const { page } = await openLayoutPage();
  const tall = await box(page.locator(".el-markdown", { hasText: "A tall column" }));
  const short = await box(page.locator(".el-markdown", { hasText: "Centred beside it." }));
  expect(tall.height).toBeGreaterThan(short.height * 2);
  expect(short.x).toBeGreaterThan(tall.x + tall.width);
  expect(short.y + short.height / 2).toBeCloseTo(tall.y + tall.height / 2, 0);
});

test("an expander shows its icon before the label", async () => {
  const { page } = await openLayoutPage();
  const summary = page.locator("summary", { hasText: "Open me" });
  const icon = summary.locator(".block-icon");
  expect(await icon.isVisible()).toBe(true);
  expect(await icon.textContent()).toBe("🔍");
  expect((await box(icon)).x).toBeLessThan((await box(summary.getByText("Open me"))).x);
  await summary.click();
  await page.getByText("Expanders hold anything, widgets included.").waitFor();
});

test("a popover inside a scrolling container opens over it, not clipped by it", async () => {
  const { page } = await openLayoutPage();
  const scroller = page.locator(".st-key-scroller");
  await page.getByRole("button", { name: "Inside a scroller" }).click();
  const panel = page.getByRole("dialog", { name: "Inside a scroller" });
  await panel.getByText("The last line.").waitFor();
  const [panelBox, scrollerBox] = [await box(panel), await box(scroller)];
  // Taller than the scroller: inside it, part of it could not show.
  expect(panelBox.height).toBeGreaterThan(scrollerBox.height);
  // What shows at the panel's top and bottom edges is the panel itself.
  const labelAt = (x: number, y: number) =>
    page.evaluate(
      ([px, py]) =>
        document.elementFromPoint(px!, py!)?.closest("[role=dialog]")?.getAttribute("aria-label") ??
        null,
      [x, y],
    );
  expect(await labelAt(panelBox.x + 8, panelBox.y + 4)).toBe("Inside a scroller");
  expect(await labelAt(panelBox.x + 8, panelBox.y + panelBox.height - 4)).toBe("Inside a scroller");
  expect(page.errors).toEqual([]);
  await page.close();
});
