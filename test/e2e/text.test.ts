import { expect, test } from "vitest";
import { appInBrowser, withoutBlockedHostileHandlers } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/text-app.ts" });

/** Opens the fixture and records which files the page fetches. */
async function openFixture() {
  const page = await fixture.browser.newPage();
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(fixture.server.url);
  await page.getByRole("heading", { name: "Text fixture" }).waitFor();
  const loaded = (pattern: RegExp) => fetched.some((path) => pattern.test(path));
  return { page, loaded };
}

test("collapsed and hidden labels vanish from sight but still name their widgets", async () => {
  const { page } = await openFixture();
  const name = page.getByRole("textbox", { name: "Collapsed name" });
  await name.waitFor();
  // Collapsed: the label row is clipped to a pixel, out of the flow, so the box sits where the label was.
  const row = page.locator(".widget-label", { hasText: "Collapsed name" });
  const collapsed = (await row.boundingBox())!;
  expect(collapsed.width).toBeLessThanOrEqual(1);
  expect(collapsed.height).toBeLessThanOrEqual(1);
  expect(await row.evaluate((element) => getComputedStyle(element).position)).toBe("absolute");

  const level = page.getByRole("slider", { name: "Hidden level" });
  await level.waitFor();
  const hidden = page.locator(".widget-label", { hasText: "Hidden level" });
  expect(await hidden.evaluate((row) => getComputedStyle(row).opacity)).toBe("0");
  expect((await hidden.boundingBox())!.height).toBeGreaterThan(10);
  expect(withoutBlockedHostileHandlers(page.errors)).toEqual([]);
});

test("KaTeX, the highlighter and the sanitizer load only when the page shows what needs them", async () => {
  const { page, loaded } = await openFixture();
  await page.getByRole("textbox", { name: "Collapsed name" }).waitFor();
  expect(loaded(/\/assets\/math-.*\.js$/)).toBe(false);
  expect(loaded(/\/assets\/highlight-.*\.js$/)).toBe(false);
  expect(loaded(/\/assets\/sanitize-.*\.js$/)).toBe(false);
  expect(loaded(/material-symbols-rounded.*\.woff2$/)).toBe(false);

  await page.getByRole("checkbox", { name: "Show rich text" }).check();

  // st.latex and math in markdown, typeset by KaTeX.
  const formula = page.locator(".latex .katex-display");
  await formula.waitFor();
  expect(await formula.locator("annotation").textContent()).toBe(
    String.raw`\int_0^1 x^2\,dx = \frac{1}{3}`,
  );
  await page.locator(".markdown .katex", { hasText: "iπ" }).first().waitFor();
  await page.locator(".markdown .katex-display").first().waitFor();
  expect(loaded(/\/assets\/math-.*\.js$/)).toBe(true);

  // Code: plain first, then coloured by highlight.js's Python grammar.
  const keyword = page.locator("pre.code code.hljs .hljs-keyword", { hasText: "def" });
  await keyword.waitFor();
  expect(await keyword.evaluate((span) => getComputedStyle(span).color)).not.toBe(
    await page
      .locator("pre.code code.hljs")
      .first()
      .evaluate((code) => getComputedStyle(code).color),
  );
  expect(loaded(/\/assets\/python-.*\.js$/)).toBe(true);
  expect(withoutBlockedHostileHandlers(page.errors)).toEqual([]);
});

test("st.html and markdown's allowed HTML lose scripts, event handlers and javascript: links, and run nothing", async () => {
  const { page, loaded } = await openFixture();
  await page.getByRole("checkbox", { name: "Show rich text" }).check();
  const hostile = page.locator("#hostile");
  await hostile.waitFor();
  await page.locator("#allowed-bold", { hasText: "HTML" }).waitFor();
  expect(loaded(/\/assets\/sanitize-.*\.js$/)).toBe(true);

  expect(await page.locator("#hostile script").count()).toBe(0);
  expect(await page.locator("#hostile-img").getAttribute("onerror")).toBeNull();
  expect(await page.locator("#allowed-img").getAttribute("onerror")).toBeNull();
  expect(await page.locator("#hostile-link").getAttribute("href")).toBeNull();
  expect(await page.locator("#hostile-link").textContent()).toBe("a link");
  // The images have failed to load, so a kept onerror would have run by now.
  await page.waitForFunction(() =>
    ["hostile-img", "allowed-img"].every(
      (id) => (document.getElementById(id) as HTMLImageElement | null)?.complete,
    ),
  );
  expect(await page.evaluate(() => (window as { htmlRan?: string }).htmlRan)).toBeUndefined();
  // The tour's own HTML keeps its inline style.
  expect(
    await page
      .locator(".html div", { hasText: "st.html shows HTML" })
      .evaluate((div) => getComputedStyle(div).borderLeftStyle),
  ).toBe("solid");
  expect(withoutBlockedHostileHandlers(page.errors)).toEqual([]);
});

test("colour directives, badges, emoji and Material icons render in markdown", async () => {
  const { page, loaded } = await openFixture();
  await page.getByRole("checkbox", { name: "Show rich text" }).check();
  const red = page.locator(".markdown .md-color-red", { hasText: "Red" });
  await red.waitFor();
  expect(await red.evaluate((span) => getComputedStyle(span).color)).toBe("rgb(255, 43, 43)");
  expect(await page.locator(".markdown .badge-green").textContent()).toBe("badge");
  await page.getByText("emoji 🎉 🚀").waitFor();

  const icon = page.locator(".markdown .material-icon", { hasText: "favorite" });
  await icon.waitFor();
  expect(await icon.evaluate((span) => getComputedStyle(span).fontFamily)).toBe(
    '"Material Symbols Rounded"',
  );
  await page.waitForFunction(() =>
    document.fonts.check('24px "Material Symbols Rounded"', "favorite"),
  );
  expect(loaded(/material-symbols-rounded.*\.woff2$/)).toBe(true);
  // The ligature draws one glyph, far narrower than the word "favorite" would be.
  expect((await icon.boundingBox())!.width).toBeLessThan(40);

  const badge = page.locator(".badge-row .badge-green", { hasText: "New" });
  expect(await badge.locator(".material-icon").textContent()).toBe("star");
  expect(withoutBlockedHostileHandlers(page.errors)).toEqual([]);
});

test("the copy button puts a code block's text on the clipboard", async () => {
  await fixture.browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: fixture.server.url,
  });
  const { page } = await openFixture();
  await page.getByRole("checkbox", { name: "Show rich text" }).check();
  const block = page.locator(".code-block", { hasText: "SELECT region" });
  await block.hover();
  await block.getByRole("button", { name: "Copy to clipboard" }).click();
  await block.getByRole("button", { name: "Copied" }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    "SELECT region, SUM(sales) FROM orders GROUP BY region ORDER BY 2 DESC;",
  );
  expect(withoutBlockedHostileHandlers(page.errors)).toEqual([]);
});

test("code and formulas show as plain text until their chunks arrive", async () => {
  const page = await fixture.browser.newPage();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/(math|highlight)-.*\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(fixture.server.url);
  await page.getByRole("checkbox", { name: "Show rich text" }).check();

  const code = page.locator("pre.code code").first();
  await code.getByText('"""Say hello."""').waitFor();
  await page.locator(".latex .math", { hasText: String.raw`\int_0^1 x^2\,dx` }).waitFor();
  expect(await page.locator(".hljs, .katex").count()).toBe(0);

  release();
  await page.locator(".latex .katex").waitFor();
  await code.locator(".hljs-keyword", { hasText: "def" }).waitFor();
  expect(withoutBlockedHostileHandlers(page.errors)).toEqual([]);
});
