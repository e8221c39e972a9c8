import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "examples/hello/app.ts" });

/** The tour's menu, in order, and the heading each page opens with. */
const TOUR = [
  ["Text", "Text"],
  ["Widgets", "Widgets"],
  ["Layout", "Layout"],
  ["Data", "Data"],
  ["Charts", "Charts"],
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
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByRole("heading", { name: "Hello, edgelit", exact: true }).waitFor();
  const menu = page.getByRole("navigation", { name: "Pages" });
  expect(await menu.getByRole("link").count()).toBe(TOUR.length);

  for (const [title, heading] of TOUR) {
    await menu.getByRole("link", { name: new RegExp(`${title}$`) }).click();
    await page.getByRole("heading", { name: heading, exact: true }).waitFor();
    await page.locator("main[aria-busy=false]").waitFor();
    expect(
      await menu.getByRole("link", { name: new RegExp(`${title}$`) }).getAttribute("aria-current"),
      title,
    ).toBe("page");
    expect(await page.locator(".exception").count(), title).toBe(0);
    expect(await page.locator(".banner.error").count(), title).toBe(0);
  }

  // The same check sees an exception box when there is one: the Status page draws one on request.
  await menu.getByRole("link", { name: /Status and chat$/ }).click();
  await page.getByRole("button", { name: "Show an exception" }).click();
  await page.locator(".exception", { hasText: "SyntaxError" }).waitFor();
  expect(page.errors).toEqual([]);
});

test("tabs show one panel at a time, and switching needs no request to the server", async () => {
  const page = await fixture.browser.newPage();
  let events = 0;
  page.on("request", (request) => request.url().endsWith("/_edgelit/event") && events++);
  await page.goto(fixture.server.url);
  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("link", { name: "Layout" })
    .click();
  const first = page.getByText("Content of the first tab.");
  const second = page.getByText(/^Content of the second tab/);
  await first.waitFor();
  expect(await second.isVisible()).toBe(false);
  expect(await page.getByRole("tab", { name: "First tab" }).getAttribute("aria-selected")).toBe(
    "true",
  );

  const before = events;
  await page.getByRole("tab", { name: "Second tab" }).click();
  await second.waitFor();
  expect(await first.isVisible()).toBe(false);
  expect(await page.getByRole("tab", { name: "Second tab" }).getAttribute("aria-selected")).toBe(
    "true",
  );
  expect(events).toBe(before);
  expect(page.errors).toEqual([]);
});
