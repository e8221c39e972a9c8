import { expect, test } from "vitest";
import type { Page } from "playwright-core";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/fragments-app.ts" });

/** The value of the metric with this label. */
const metric = (page: Page, label: string) =>
  page
    .locator(".metric", { has: page.locator(".metric-label", { hasText: label }) })
    .locator(".metric-value");

/** Waits until the metric with this label shows exactly `value`. */
const metricIs = (page: Page, label: string, value: number) =>
  metric(page, label)
    .filter({ hasText: new RegExp(`^${value}$`) })
    .waitFor({ timeout: 20_000 });

test("a widget in a fragment reruns only the fragment: the rest of the page is not run or sent again", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await metricIs(page, "Full runs of the app", 1);
  await metricIs(page, "Clicks", 0);

  // The click's answer (not a tick of the clock, which carries no changes), taken on its way to
  // the page: Chromium does not reliably keep an event stream's body for the test to read after.
  let sent = "";
  await page.route("**/_edgelit/event", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if ((route.request().postData() ?? "").includes('"changes":[{')) sent ||= body;
    await route.fulfill({ response, body });
  });
  await page.getByRole("button", { name: "Add one" }).click();
  await metricIs(page, "Clicks", 1);
  await page.unroute("**/_edgelit/event");
  // The answer redraws the fragment's block only: the elements around it are not in it.
  expect(sent).toContain('"scope":[0,');
  expect(sent).toContain('"label":"Clicks"');
  expect(sent).not.toContain("Full runs of the app");
  expect(sent).not.toContain("Counter label");
  await page.getByRole("button", { name: "Add one" }).click();
  await metricIs(page, "Clicks", 2);
  expect(await metric(page, "Full runs of the app").textContent()).toBe("1");

  // A widget outside the fragment reruns the app, which calls the fragment with new arguments.
  await page.getByLabel("Counter label").fill("Presses");
  await page.getByLabel("Counter label").press("Enter");
  await metricIs(page, "Full runs of the app", 2);
  await metricIs(page, "Presses", 2);
  expect(page.errors).toEqual([]);
});

test("a fragment with runEvery updates by itself, without running the app", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await metricIs(page, "Full runs of the app", 1);
  await metricIs(page, "Clock ticks", 1);
  await metricIs(page, "Clock ticks", 2);
  await metricIs(page, "Clock ticks", 3);
  expect(await metric(page, "Full runs of the app").textContent()).toBe("1");
  expect(page.errors).toEqual([]);
});

test("a dialog opens on a button, its widgets keep it open, and Escape dismisses it for good", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await metricIs(page, "Full runs of the app", 1);

  await page.getByRole("button", { name: "Vote for edgelit" }).click();
  const modal = page.getByRole("dialog", { name: "Cast your vote" });
  await modal.waitFor();
  expect(await modal.getAttribute("aria-modal")).toBe("true");
  await metricIs(page, "Full runs of the app", 2);

  // Focus stays inside the dialog.
  for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null)).toBe(
    true,
  );

  const reason = modal.getByLabel("Why edgelit?");
  await reason.fill("it keeps nothing");
  await reason.press("Enter");
  await modal.getByText("Because: it keeps nothing").waitFor();
  expect(await modal.isVisible()).toBe(true);
  expect(await metric(page, "Full runs of the app").textContent()).toBe("2");

  await page.keyboard.press("Escape");
  await modal.waitFor({ state: "detached" });
  // The server was told: it replaced the dialog in the page's tree (and its record) with nothing.
  await page.locator(".el-dialog").waitFor({ state: "detached" });
  expect(await metric(page, "Full runs of the app").textContent()).toBe("2");

  // Later fragment events (the clock, a click in the counter) do not bring it back.
  const ticks = Number(await metric(page, "Clock ticks").textContent());
  await metricIs(page, "Clock ticks", ticks + 1);
  await page.getByRole("button", { name: "Add one" }).click();
  await metricIs(page, "Clicks", 1);
  expect(await page.getByRole("dialog").count()).toBe(0);
  expect(await metric(page, "Full runs of the app").textContent()).toBe("2");
  expect(page.errors).toEqual([]);
});
