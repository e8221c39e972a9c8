import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  server = await startEdgelit({ app: "examples/hello/app.ts" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The tour's menu, in order, and the heading each page opens with. */
const TOUR = [
  ["Text", "Text"],
  ["Widgets", "Widgets"],
  ["Layout", "Layout"],
  ["Media and uploads", "Media and uploads"],
  ["Status and chat", "Status and chat"],
  ["Forms", "Forms"],
  ["Fragments and dialogs", "Fragments and dialogs"],
  ["Pages and URLs", "Pages and URLs"],
  ["Theming", "Theming"],
  ["State", "State"],
  ["Welcome", "Hello, edgelit"],
] as const;

test("every page of the tour opens from the menu, under its heading, with no exception or error", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByRole("heading", { name: "Hello, edgelit", exact: true }).waitFor();
  const menu = page.getByRole("navigation", { name: "Pages" });
  expect(await menu.getByRole("link").count()).toBe(TOUR.length);

  for (const [title, heading] of TOUR) {
    await menu.getByRole("link", { name: new RegExp(`${title}$`) }).click();
    await page.getByRole("heading", { name: heading, exact: true }).waitFor();
    await page.locator("main[aria-busy=false]").waitFor();
    expect(await menu.getByRole("link", { name: new RegExp(`${title}$`) }).getAttribute("aria-current"), title).toBe("page");
    expect(await page.locator(".exception").count(), title).toBe(0);
    expect(await page.locator(".banner.error").count(), title).toBe(0);
  }

  // The same check sees an exception box when there is one: the Status page draws one on request.
  await menu.getByRole("link", { name: /Status and chat$/ }).click();
  await page.getByRole("button", { name: "Show an exception" }).click();
  await page.locator(".exception", { hasText: "SyntaxError" }).waitFor();
  expect(page.errors).toEqual([]);
});
