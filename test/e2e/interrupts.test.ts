import { expect, test } from "vitest";
import { metricShows, appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/integration/fixtures/slow-steps-app.ts" });

test("acting while a run streams interrupts it: the newest values win and no click is lost", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await metricShows(page, 0);
  await page.getByRole("checkbox", { name: "Slow" }).check();
  await page.getByText("step 39 of 40").waitFor({ timeout: 20_000 });

  // Each of these lands while the previous run is still streaming.
  const slider = page.getByRole("slider", { name: "Step" });
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("step 0 of 40").waitFor();
  await slider.fill("4");
  await page.getByText("step 0 of 40").waitFor();
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("step 0 of 40").waitFor();
  await slider.fill("7");

  await metricShows(page, 2);
  await page.getByText("step 7", { exact: true }).waitFor({ timeout: 30_000 });
  await page.getByText("step 39 of 40").waitFor({ timeout: 20_000 });
  expect(await page.getByText("Running…").isVisible()).toBe(false);
  // What the store holds agrees: a reload shows the same.
  await page.reload();
  await metricShows(page, 2);
  await page.getByText("step 7", { exact: true }).waitFor();
  expect(page.errors).toEqual([]);
});
