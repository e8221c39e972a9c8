import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/page-config-app.ts" });

/** The app at `path` in a tab of the given width, its page heading drawn. */
async function open(path: string, width: number, heading: string) {
  const page = await fixture.browser.newPage();
  await page.setViewportSize({ width, height: 844 });
  await page.goto(new URL(path, fixture.server.url).href);
  await page.getByRole("heading", { name: heading }).waitFor();
  return page;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`no box for ${locator}`);
  return found;
}

const mainWidth = async (page: Page) => (await box(page.locator(".main > .stack"))).width;
const favicon = (page: Page) =>
  page
    .locator('link[rel="icon"]')
    .evaluate((link) => decodeURIComponent(link.getAttribute("href")!));
const layout = (page: Page) => page.evaluate(() => document.documentElement.dataset.layout);

test("the first HTML carries the app's title, tab icon and layout", async () => {
  const html = await (await fetch(fixture.server.url)).text();
  expect(html).toContain("<title>Config app</title>");
  const href = /<link rel="icon" href="([^"]*)"/.exec(html)?.[1] ?? "";
  expect(href.startsWith("data:image/svg+xml,")).toBe(true);
  expect(decodeURIComponent(href)).toContain("🧪");
  expect(html).toMatch(/<html data-layout="centered"/);
});

test("a page's options and st.setPageConfig set the tab's title, icon and the layout", async () => {
  const page = await open("/", 1280, "Home");
  await page.waitForFunction(() => document.title === "Home · Config app");
  expect(await favicon(page)).toContain("🏠");
  expect(await layout(page)).toBe("centered");
  const centered = await mainWidth(page);
  expect(centered).toBeLessThanOrEqual(736);

  // The script's setPageConfig wins over the page's and the app's options.
  await page.getByText("Scripted config").click();
  await page.waitForFunction(() => document.title === "Scripted title");
  expect(await favicon(page)).toContain("🚀");
  expect(await layout(page)).toBe("wide");
  // The wide column fills the main area's whole content box.
  const wide = await mainWidth(page);
  expect(wide).toBeGreaterThan(centered);
  expect(wide).toBe(
    await page.locator(".main").evaluate((main) => {
      const style = getComputedStyle(main);
      return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }),
  );

  // The next run without the call gives the page back its own options.
  await page.getByText("Scripted config").click();
  await page.waitForFunction(() => document.title === "Home · Config app");
  expect(await layout(page)).toBe("centered");
  expect(await favicon(page)).toContain("🏠");
  expect(page.errors).toEqual([]);
});

test("on a wide screen the sidebar starts as the page says and its buttons close and open it", async () => {
  // The report page is wide and starts with its sidebar collapsed, even on a first load.
  const page = await open("/report", 1280, "Report");
  const filters = page.getByText("Sidebar filters");
  await page.getByRole("button", { name: "Open sidebar" }).waitFor();
  expect(await filters.isVisible()).toBe(false);
  expect(await layout(page)).toBe("wide");
  expect(await mainWidth(page)).toBeGreaterThan(1000);
  // Its Material icon becomes the tab's icon, drawn from the icon font.
  await page.waitForFunction(() =>
    document.querySelector('link[rel="icon"]')?.getAttribute("href")?.startsWith("data:image/png"),
  );

  await page.getByRole("button", { name: "Open sidebar" }).click();
  await filters.waitFor();
  await page.getByRole("button", { name: "Close sidebar" }).click();
  await filters.waitFor({ state: "hidden" });

  // Home leaves the sidebar to "auto": open on a wide screen; back on the report, it collapses again.
  await page.getByRole("button", { name: "Open sidebar" }).click();
  await page.getByRole("link", { name: "Home" }).click();
  await page.getByRole("heading", { name: "Home" }).waitFor();
  expect(await layout(page)).toBe("centered");
  expect(await filters.isVisible()).toBe(true);
  await page.getByRole("link", { name: "Report" }).click();
  await page.getByRole("heading", { name: "Report" }).waitFor();
  await filters.waitFor({ state: "hidden" });
  expect(page.errors).toEqual([]);
});

test("at 390 px the sidebar waits behind a toggle, opens over the page, and the page starts at the top", async () => {
  const page = await open("/", 390, "Home");
  const filters = page.getByText("Sidebar filters");
  const heading = page.getByRole("heading", { name: "Home" });
  expect(await filters.isVisible()).toBe(false);
  const before = await box(heading);
  expect(before.y).toBeLessThan(100);

  await page.getByRole("button", { name: "Open sidebar" }).click();
  await filters.waitFor();
  // Over the page: the main column has neither moved nor narrowed.
  expect(await box(heading)).toEqual(before);
  const sidebar = await box(page.getByRole("complementary", { name: "Sidebar" }));
  expect(sidebar.x).toBe(0);
  expect(sidebar.width).toBeLessThan(390);

  await page.keyboard.press("Escape");
  await filters.waitFor({ state: "hidden" });

  // A page link in the open sidebar switches page and closes it.
  await page.getByRole("button", { name: "Open sidebar" }).click();
  await page.getByRole("link", { name: "Report" }).click();
  await page.getByRole("heading", { name: "Report" }).waitFor();
  await filters.waitFor({ state: "hidden" });
  expect(page.errors).toEqual([]);
});
