import type { Locator } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/icons-app.ts" });

const ICON_FONT = /material-symbols-rounded.*\.woff2$/;

/** Opens the fixture and records which files the page fetches. */
async function openFixture() {
  const page = await fixture.browser.newPage();
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(fixture.server.url);
  await page.getByRole("heading", { name: "Icons fixture" }).waitFor();
  const loaded = (pattern: RegExp) => fetched.some((path) => pattern.test(path));
  return { page, loaded };
}

/** What the browser draws for an icon: its font, its size, and the width its name would take as text. */
async function drawn(icon: Locator) {
  await icon.waitFor();
  return icon.evaluate((span) => {
    const style = getComputedStyle(span);
    const asText = document.createElement("span");
    asText.style.font = `${style.fontSize} system-ui, sans-serif`;
    asText.textContent = span.textContent;
    document.body.append(asText);
    const textWidth = asText.getBoundingClientRect().width;
    asText.remove();
    const { width, height } = span.getBoundingClientRect();
    return {
      fontFamily: style.fontFamily,
      width,
      height,
      textWidth,
      fontSize: Number.parseFloat(style.fontSize),
    };
  });
}

test("emoji icons are drawn as text, and the icon font is not fetched without a Material icon", async () => {
  const { page, loaded } = await openFixture();
  const launch = page.getByRole("button", { name: "Launch" });
  await launch.waitFor();
  expect(await launch.locator(".icon").textContent()).toBe("🚀");
  expect(await launch.locator(".material-icon").count()).toBe(0);
  const summary = page.locator("summary", { hasText: "Emoji expander" });
  expect(await summary.locator(".icon").textContent()).toBe("🔥");
  // Icons are decorative: the button's accessible name is its label alone.
  expect(await launch.getAttribute("aria-label")).toBeNull();
  expect((await launch.textContent())?.trim()).toBe("🚀Launch");
  expect(
    await page.evaluate(() =>
      [...document.fonts]
        .filter((face) => face.family.includes("Material Symbols"))
        .map((face) => face.status),
    ),
  ).toEqual(["unloaded"]);
  expect(loaded(ICON_FONT)).toBe(false);
  expect(page.errors).toEqual([]);
});

test("Material icons in an expander, a button, an alert and the rest are glyphs of the Material Symbols font", async () => {
  const { page, loaded } = await openFixture();
  await page.getByRole("checkbox", { name: "Show Material icons" }).check();
  await page.getByRole("button", { name: "Like" }).waitFor();
  await page.waitForFunction(
    () =>
      [...document.fonts].some(
        (face) => face.family.includes("Material Symbols Rounded") && face.status === "loaded",
      ),
    undefined,
    { timeout: 10_000 },
  );
  expect(loaded(ICON_FONT)).toBe(true);

  const icons: [string, Locator][] = [
    [
      "settings",
      page.locator("summary", { hasText: "Material expander" }).locator(".material-icon"),
    ],
    ["thumb_up", page.getByRole("button", { name: "Like" }).locator(".material-icon")],
    ["lightbulb", page.locator(".alert", { hasText: "A Material tip" }).locator(".material-icon")],
    ["download", page.getByRole("button", { name: "Save notes" }).locator(".material-icon")],
    ["open_in_new", page.getByRole("link", { name: "Docs" }).locator(".material-icon")],
    ["link", page.getByRole("link", { name: "More" }).locator(".material-icon")],
    ["star", page.locator(".badge", { hasText: "Starred" }).locator(".material-icon")],
    ["tune", page.getByRole("button", { name: "Options" }).locator(".material-icon")],
    ["smart_toy", page.locator(".chat-avatar .material-icon")],
    ["send", page.getByRole("button", { name: "Send" }).locator(".material-icon")],
  ];
  for (const [name, icon] of icons) {
    const glyph = await drawn(icon);
    expect(await icon.textContent(), name).toBe(name);
    expect(glyph.fontFamily, name).toContain("Material Symbols Rounded");
    // One glyph about a font-size square, not the name spelt out in letters.
    expect(glyph.width, name).toBeLessThanOrEqual(glyph.fontSize + 1);
    expect(glyph.width, name).toBeGreaterThanOrEqual(glyph.fontSize * 0.8);
    expect(glyph.textWidth, name).toBeGreaterThan(glyph.width * 1.5);
  }
  expect(
    await page.evaluate(() => document.fonts.check('20px "Material Symbols Rounded"', "thumb_up")),
  ).toBe(true);

  // The icon sits before its label.
  const summary = page.locator("summary", { hasText: "Material expander" });
  const iconBox = (await summary.locator(".material-icon").boundingBox())!;
  const labelBox = (await summary.getByText("Material expander").boundingBox())!;
  expect(iconBox.x + iconBox.width).toBeLessThanOrEqual(labelBox.x);
  expect(page.errors).toEqual([]);
});
