import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

/**
 * Issue 17: the page's silence timeout resends an event only when nothing, not even a heartbeat,
 * arrives in time; never for a run's total length. Here the timeout is 2 s and the run is quiet for
 * 4.5 s with a heartbeat every second: it must run once, and no banner shows.
 */
const app = appInBrowser({
  app: "test/e2e/fixtures/long-run-app.ts",
  extraArgs: ["--event-timeout-seconds", "2", "--heartbeat-seconds", "1"],
});

test("a run quiet for longer than the event timeout, with heartbeats, is not resent", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  await page.getByRole("button", { name: "Run the long task" }).click();
  await page.getByText("working…").waitFor();
  await page.getByText(/^done; long runs started: \d+$/).waitFor({ timeout: 20_000 });
  expect(await page.getByText(/^done; long runs started: \d+$/).textContent()).toBe(
    "done; long runs started: 1",
  );
  expect(await page.getByText(/Cannot reach|retrying/).count()).toBe(0);
  expect(page.errors).toEqual([]);
});
