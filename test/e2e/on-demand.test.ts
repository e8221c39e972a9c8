import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/on-demand-app.ts" });

test("an element whose chunk fails to load once (a network blip) is drawn on its next run; the page keeps working", async () => {
  const page = await fixture.browser.newPage();
  let failed = 0;
  await page.route(/\/assets\/json-[^/]+\.js$/, (route) =>
    failed++ === 0 ? route.abort() : route.continue(),
  );
  await page.goto(fixture.server.url);
  const add = page.getByRole("button", { name: "Add one" });
  await add.click();
  await page.getByText("Clicks: 1").waitFor();
  await add.click();
  await page.getByText("Clicks: 2").waitFor();
  await add.click();
  await page.getByText("Clicks: 3").waitFor();
  await page.locator(".el-json").getByText("3").waitFor({ timeout: 5000 });
  expect(failed).toBeGreaterThan(0);
});
