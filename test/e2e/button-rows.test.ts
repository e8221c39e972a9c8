import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appInBrowser } from "../helpers/browser.ts";

// The button rows of the hello tour (pills, segmented controls, feedback, link buttons),
// and the balloons, snow and exception box the same app draws.
const fixture = appInBrowser({ app: "test/e2e/fixtures/button-rows-app.ts" });

/** Waits until the app's summary line shows `part` (e.g. "fruit=pear"). */
const shows = (page: Page, part: string) =>
  page.getByText(new RegExp(`(^| )${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( |$)`)).waitFor();

async function openApp(): Promise<Page & { errors: string[] }> {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await shows(page, "fruit=null");
  return page;
}

test("pills and segmented controls choose, and clicking a chosen single pill clears it", async () => {
  const page = await openApp();
  const fruit = page.getByRole("group", { name: "Fruit" });
  await fruit.getByRole("button", { name: "pear" }).click();
  await shows(page, "fruit=pear");
  expect(await fruit.getByRole("button", { name: "pear" }).getAttribute("aria-pressed")).toBe(
    "true",
  );
  await fruit.getByRole("button", { name: "fig" }).click();
  await shows(page, "fruit=fig");
  expect(await fruit.getByRole("button", { name: "pear" }).getAttribute("aria-pressed")).toBe(
    "false",
  );
  await fruit.getByRole("button", { name: "fig" }).click();
  await shows(page, "fruit=null");
  expect(await fruit.getByRole("button", { pressed: true }).count()).toBe(0);

  const tags = page.getByRole("group", { name: "Tags" });
  await tags.getByRole("button", { name: "blue" }).click();
  await shows(page, "tags=red,blue");
  await tags.getByRole("button", { name: "red" }).click();
  await shows(page, "tags=blue");
  expect(await tags.getByRole("button", { pressed: true }).allTextContents()).toEqual(["blue"]);

  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Table" }).click();
  await shows(page, "view=Table");
  expect(page.errors).toEqual([]);
});

test("feedback rates, lights the stars up to the chosen one, and clears on a second click", async () => {
  const page = await openApp();
  const [thumbs, stars] = [page.locator(".feedback.thumbs"), page.locator(".feedback.stars")];
  await thumbs.getByRole("button", { name: "Thumbs up" }).click();
  await shows(page, "thumbs=1");
  await thumbs.getByRole("button", { name: "Thumbs down" }).click();
  await shows(page, "thumbs=0");
  await thumbs.getByRole("button", { name: "Thumbs down" }).click();
  await shows(page, "thumbs=null");

  await stars.getByRole("button", { name: "4 stars" }).click();
  await shows(page, "stars=3");
  expect(await stars.locator(".lit").count()).toBe(4);
  expect(await stars.getByRole("button", { pressed: true }).getAttribute("aria-label")).toBe(
    "4 stars",
  );
  expect(page.errors).toEqual([]);
});

test("a link button opens its URL in a new tab without an event; a disabled one links nowhere", async () => {
  await fixture.browser.context.route("https://example.com/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Docs</title>docs" }),
  );
  const page = await openApp();
  let events = 0;
  page.on("request", (request) => request.url().endsWith("/_edgelit/event") && events++);
  const link = page.getByRole("link", { name: "Read the docs" });
  expect(await link.getAttribute("target")).toBe("_blank");
  expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
  const [tab] = await Promise.all([fixture.browser.context.waitForEvent("page"), link.click()]);
  await tab.waitForLoadState();
  expect(tab.url()).toBe("https://example.com/docs");
  expect(await tab.title()).toBe("Docs");
  await tab.close();
  expect(events).toBe(0);

  const disabled = page.locator("a.link-button", { hasText: "Nowhere" });
  expect(await disabled.getAttribute("aria-disabled")).toBe("true");
  expect(await disabled.getAttribute("href")).toBeNull();
  expect(page.errors).toEqual([]);
});

test("balloons and snow fly over the page without catching clicks, go away, and come back on the next call", async () => {
  const page = await openApp();
  for (const effect of ["Balloons", "Snow"]) {
    const overlay = page.locator(`.celebration-${effect.toLowerCase()}`);
    await page.getByRole("button", { name: effect }).click();
    await overlay.waitFor();
    expect(await overlay.locator(".celebration-piece").count()).toBeGreaterThan(10);
    expect(await overlay.evaluate((node) => getComputedStyle(node).pointerEvents)).toBe("none");
    // The page under it still takes clicks while it flies.
    await page.getByRole("group", { name: "Fruit" }).getByRole("button", { name: "apple" }).click();
    await shows(page, "fruit=apple");
    await page.getByRole("group", { name: "Fruit" }).getByRole("button", { name: "apple" }).click();
    await shows(page, "fruit=null");
    await overlay.waitFor({ state: "detached", timeout: 15_000 });
  }
  // A later run that calls it again shows it again.
  await page.getByRole("button", { name: "Balloons" }).click();
  await page.locator(".celebration-balloons").waitFor();
  expect(page.errors).toEqual([]);
});

test("with reduced motion, balloons draw nothing", async () => {
  const page = await fixture.browser.newPage();
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(fixture.server.url);
  await shows(page, "fruit=null");
  await page.getByRole("button", { name: "Balloons" }).click();
  // The element is in the page once the run that called st.balloons() has been drawn.
  await page.locator(".el-balloons").waitFor({ state: "attached" });
  expect(await page.locator(".celebration").count()).toBe(0);
  expect(page.errors).toEqual([]);
});

test("st.exception shows the error's name and message in an alert box", async () => {
  const page = await openApp();
  const box = page.getByRole("alert").filter({ hasText: "the index 7 is out of range" });
  await box.waitFor();
  expect(await box.locator("strong").textContent()).toBe("RangeError");
  expect(await box.textContent()).toContain("RangeError: the index 7 is out of range");
  expect(page.errors).toEqual([]);
});
