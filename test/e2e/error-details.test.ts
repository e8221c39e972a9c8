import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

/**
 * `--show-error-details none` in Chromium: the exception box says an error
 * happened and nothing of it, with no empty type in front of the message.
 */

const fixture = appInBrowser({
  app: "test/integration/fixtures/throws-when-ticked-app.ts",
  storage: "memory",
  extraArgs: ["--show-error-details", "none"],
});

test("the exception box shows only the generic message", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("Break it").click();
  const box = page.locator(".exception");
  await box.waitFor();
  expect(await box.textContent()).toBe(
    "This app has encountered an error. Its details are hidden from this page; the server's log has them.",
  );
  expect(await box.locator("strong").count()).toBe(0);
  expect(page.errors).toEqual([]);
});
