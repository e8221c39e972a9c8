import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/themed-app.ts" });

/** The colour a user sees: the element's CSS colour composited over its ancestors' backgrounds, as [r, g, b]. */
function seenColor(locator: Locator, property: "color" | "backgroundColor"): Promise<number[]> {
  return locator.evaluate((element, property) => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d", { willReadFrequently: true })!;
    const paint = (color: string) => {
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
    };
    paint("#fff"); // the browser's canvas under an unpainted page
    const ancestors: Element[] = [];
    for (let node: Element | null = element; node; node = node.parentElement)
      ancestors.unshift(node);
    for (const node of ancestors) paint(getComputedStyle(node).backgroundColor);
    if (property === "color") paint(getComputedStyle(element).color);
    return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }, property);
}

/** WCAG's contrast ratio between an element's text and what is behind it. */
async function contrastOf(locator: Locator): Promise<number> {
  const luminance = ([r, g, b]: number[]) => {
    const linear = (c: number) =>
      c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4;
    return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
  };
  const [text, back] = [
    luminance(await seenColor(locator, "color")),
    luminance(await seenColor(locator, "backgroundColor")),
  ];
  return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
}

const isDark = (rgb: number[]) => rgb.every((c) => c < 80);
const isLight = (rgb: number[]) => rgb.every((c) => c > 200);

/** The text a reader must be able to read, in every element family. */
function readableParts(page: Page): [string, Locator][] {
  return [
    ["title", page.getByRole("heading", { name: "Themed app" })],
    ["markdown", page.locator(".markdown p", { hasText: "Body text" })],
    ["link", page.getByRole("link", { name: "link" })],
    ["inline code", page.locator(".markdown code")],
    ["caption", page.getByText("A caption.")],
    ["code block", page.locator("pre.code")],
    ["json key", page.locator(".json-key", { hasText: "name" })],
    ["json string", page.locator(".json-string")],
    ["json number", page.locator(".json-number")],
    ["json boolean", page.locator(".json-boolean")],
    ["json null", page.locator(".json-null")],
    ["metric delta", page.locator(".metric-delta")],
    ["info", page.getByText("An info callout.")],
    ["success", page.getByText("A success callout.")],
    ["warning", page.getByText("A warning callout.")],
    ["error", page.getByText("An error callout.")],
    ["primary button", page.getByRole("button", { name: "Primary action" })],
    ["secondary button", page.getByRole("button", { name: "Secondary action" })],
    ["text input", page.getByRole("textbox", { name: "Name" })],
    ["selected tab", page.getByRole("tab", { name: "First tab" })],
    ["tab panel", page.getByText("Inside a tab.")],
    ["chat message", page.getByText("A chat message.")],
    ["status", page.getByText("Finished work")],
  ];
}

async function contrasts(page: Page): Promise<Record<string, number>> {
  const ratios: Record<string, number> = {};
  for (const [name, locator] of readableParts(page))
    ratios[name] = Math.round((await contrastOf(locator)) * 10) / 10;
  return ratios;
}

// WCAG AA asks 4.5 for body text and 3 for large text and controls; the 60% caption and the accents are held to 3.
const LARGE_OR_ACCENT = new Set(["caption", "selected tab", "primary button", "metric delta"]);

/** The parts whose contrast is below what WCAG AA asks, with their ratio. */
function unreadable(ratios: Record<string, number>): string[] {
  return Object.entries(ratios).flatMap(([name, ratio]) =>
    ratio < (LARGE_OR_ACCENT.has(name) ? 3 : 4.5) ? [`${name}: ${ratio}`] : [],
  );
}

test("the page follows the system: dark background and light text in dark mode, the reverse in light mode; all text readable", async () => {
  const page = await fixture.browser.newPage();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(fixture.server.url);
  await page.getByText("Finished work").waitFor();
  const body = page.locator("body");
  expect(isDark(await seenColor(body, "backgroundColor"))).toBe(true);
  expect(isLight(await seenColor(body, "color"))).toBe(true);
  const dark = await contrasts(page);

  await page.emulateMedia({ colorScheme: "light" });
  expect(isLight(await seenColor(body, "backgroundColor"))).toBe(true);
  expect(isDark(await seenColor(body, "color"))).toBe(true);
  const light = await contrasts(page);

  expect(unreadable(dark)).toEqual([]);
  expect(unreadable(light)).toEqual([]);
  expect(page.errors).toEqual([]);
});

test("the app's primaryColor shows on a primary button, in light and dark mode alike", async () => {
  const page = await fixture.browser.newPage();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(fixture.server.url);
    const button = page.getByRole("button", { name: "Primary action" });
    await button.waitFor();
    expect(await button.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
      "rgb(124, 58, 237)",
    );
  }
});

test("the theme is in the first paint: with the client's script blocked, the served page is already themed", async () => {
  const page = await fixture.browser.newPage();
  await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(fixture.server.url);
  const root = page.locator("html");
  expect(
    await root.evaluate((element) => getComputedStyle(element).getPropertyValue("--primary")),
  ).toBe("#7c3aed");
  expect(isDark(await seenColor(page.locator("body"), "backgroundColor"))).toBe(true);
});

test("the ⋮ menu switches the theme at once, without a request, and the choice survives a reload", async () => {
  const page = await fixture.browser.newPage();
  let events = 0;
  page.on("request", (request) => request.url().includes("/_edgelit/") && events++);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(fixture.server.url);
  await page.getByText("Finished work").waitFor();
  const body = page.locator("body");
  expect(isLight(await seenColor(body, "backgroundColor"))).toBe(true);

  await page.getByRole("button", { name: "Settings" }).click();
  const systemSetting = page.getByRole("radio", { name: "Use system setting", exact: true });
  expect(await systemSetting.isChecked()).toBe(true);
  const before = events;
  await page.getByRole("radio", { name: "Dark", exact: true }).check();
  expect(isDark(await seenColor(body, "backgroundColor"))).toBe(true);
  expect(isLight(await seenColor(body, "color"))).toBe(true);
  expect(events).toBe(before);
  expect(unreadable(await contrasts(page))).toEqual([]);

  await page.reload();
  await page.getByText("Finished work").waitFor();
  expect(isDark(await seenColor(body, "backgroundColor"))).toBe(true);
  await page.getByRole("button", { name: "Settings" }).click();
  expect(await page.getByRole("radio", { name: "Dark", exact: true }).isChecked()).toBe(true);

  // Back to the system's setting, which is light here.
  await systemSetting.check();
  expect(isLight(await seenColor(body, "backgroundColor"))).toBe(true);
  await page.keyboard.press("Escape");
  expect(await page.getByRole("radio", { name: "Dark", exact: true }).isVisible()).toBe(false);
  expect(page.errors).toEqual([]);
});
