import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appInBrowser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

const fixture = appInBrowser({ app: "examples/multipage/app.ts" });

/** A tab that counts its event requests and its document loads. */
async function openTab(path = "/") {
  const page = await fixture.browser.newPage();
  const counts = { events: 0, documents: 0 };
  page.on("request", (request) => {
    if (request.url().endsWith("/_edgelit/event")) counts.events++;
    if (request.resourceType() === "document") counts.documents++;
  });
  await page.goto(fixture.server.url + path);
  return { page, counts };
}

const heading = (page: Page, text: string) =>
  page.getByRole("heading", { name: text, exact: true });
const menuLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name });
const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).search;

/** Waits for the run in flight (if any) to end: the page is then idle. */
const idle = (page: Page) => page.locator("main[aria-busy=false]").waitFor();

test("a menu link switches the page with one event and no page load; reload and back keep the page", async () => {
  const { page, counts } = await openTab();
  await heading(page, "A multipage app").waitFor();
  await idle(page);
  expect(await page.title()).toBe("Home · Multipage · edgelit");
  expect(await menuLink(page, "Home").getAttribute("aria-current")).toBe("page");

  const before = { ...counts };
  await menuLink(page, "Search").click();
  await heading(page, "Search").waitFor();
  await idle(page);
  expect(path(page)).toBe("/search");
  expect(counts.events - before.events).toBe(1);
  expect(counts.documents - before.documents).toBe(0);
  expect(await page.title()).toBe("Search · Multipage · edgelit");
  expect(await menuLink(page, "Search").getAttribute("aria-current")).toBe("page");
  expect(await heading(page, "A multipage app").count()).toBe(0);

  await page.reload();
  await heading(page, "Search").waitFor();
  expect(path(page)).toBe("/search");

  await menuLink(page, "Home").click();
  await heading(page, "A multipage app").waitFor();
  const beforeBack = { ...counts };
  await page.goBack();
  await heading(page, "Search").waitFor();
  await idle(page);
  expect(path(page)).toBe("/search");
  expect(counts.documents - beforeBack.documents).toBe(0);
  expect(counts.events - beforeBack.events).toBe(1);
  await page.goForward();
  await heading(page, "A multipage app").waitFor();
  expect(path(page)).toBe("/");
  expect(page.errors).toEqual([]);
});

test("st.switchPage and st.pageLink change the URL and the page", async () => {
  const { page, counts } = await openTab();
  await page.getByRole("button", { name: "Open the settings" }).click();
  await heading(page, "Settings").waitFor();
  await page.waitForURL((url) => url.pathname === "/settings");
  // switchPage pushed a history entry: back returns home.
  await page.goBack();
  await heading(page, "A multipage app").waitFor();
  expect(path(page)).toBe("/");

  await idle(page);
  const before = { ...counts };
  await page.locator("main").getByRole("link", { name: "Search the animals" }).click();
  await heading(page, "Search").waitFor();
  await idle(page);
  expect(path(page)).toBe("/search");
  expect(counts.events - before.events).toBe(1);
  expect(counts.documents - before.documents).toBe(0);

  await menuLink(page, "Home").click();
  const external = page.getByRole("link", { name: "Streamlit's multipage apps" });
  expect(await external.getAttribute("target")).toBe("_blank");
  expect(await external.getAttribute("href")).toBe(
    "https://docs.streamlit.io/develop/concepts/multipage-apps",
  );
  expect(page.errors).toEqual([]);
});

test("query params the app writes show in the URL, and a URL typed with ?q= is read", async () => {
  const { page } = await openTab("/search");
  const box = page.getByRole("textbox", { name: "Animal" });
  await box.fill("d");
  await box.press("Enter");
  await page.getByText("Found: dog, duck").waitFor();
  await page.waitForURL((url) => url.search === "?q=d");
  expect(path(page)).toBe("/search?q=d");

  await page.reload();
  await page.getByText("Found: dog, duck").waitFor();
  expect(await page.getByRole("textbox", { name: "Animal" }).inputValue()).toBe("d");

  // Typed by hand in the address bar: a new document on the same tab's session.
  await page.goto(`${fixture.server.url}/search?q=ow`);
  await page.getByText("Found: owl").waitFor();
  expect(await page.getByRole("textbox", { name: "Animal" }).inputValue()).toBe("ow");
  expect(page.errors).toEqual([]);
});

test("leaving a page forgets its unkeyed widgets; keyed ones come back", async () => {
  const { page } = await openTab("/settings");
  const name = page.getByRole("textbox", { name: "Display name" });
  const nickname = page.getByRole("textbox", { name: "Nickname" });
  await name.fill("Ada");
  await name.press("Enter");
  await page.getByText("Display name: Ada · nickname: (none)").waitFor();
  await nickname.fill("ace");
  await nickname.press("Enter");
  await page.getByText("Display name: Ada · nickname: ace").waitFor();

  await menuLink(page, "Home").click();
  await heading(page, "A multipage app").waitFor();
  await menuLink(page, "Settings").click();
  await page.getByText("Display name: Ada · nickname: (none)").waitFor();
  expect(await page.getByRole("textbox", { name: "Display name" }).inputValue()).toBe("Ada");
  expect(await page.getByRole("textbox", { name: "Nickname" }).inputValue()).toBe("");
  expect(page.errors).toEqual([]);
});

test("an unknown path shows the default page with a notice, at /", async () => {
  const { page } = await openTab("/no-such-page?keep=1");
  await page.getByText("Page not found.").waitFor();
  await heading(page, "A multipage app").waitFor();
  await page.waitForURL((url) => url.pathname === "/");
  expect(path(page)).toBe("/?keep=1");
  expect(page.errors).toEqual([]);
});

test("a menu link stops a page whose run is still streaming", async () => {
  const endless = await startEdgelit({ app: "test/e2e/fixtures/endless-page-app.ts" });
  try {
    const page = await fixture.browser.newPage();
    await page.goto(endless.url);
    await page.getByText("tick 3").waitFor();
    // The endless run never finishes by itself: the quick page only shows if the click interrupts it.
    await menuLink(page, "Quick").click();
    await heading(page, "Quick").waitFor();
    await idle(page);
    expect(path(page)).toBe("/quick");
    expect(await heading(page, "Endless").count()).toBe(0);
    expect(page.errors).toEqual([]);
  } finally {
    await endless.stop();
  }
});
