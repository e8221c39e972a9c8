import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const app = appInBrowser({ app: "test/e2e/fixtures/sidebar-uploader-app.ts" });

test("the file uploader's drop zone reads as one line in the sidebar, not one word per line", async () => {
  const page = await app.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.server.url);
  await page.getByLabel("Your data").waitFor({ state: "attached" });
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll(".dropzone-text > span")].map((span) => {
      const height = span.getBoundingClientRect().height;
      const lineHeight = parseFloat(getComputedStyle(span).lineHeight);
      return Math.round(height / lineHeight);
    }),
  );
  // The sidebar's and the main uploader's "Drag and drop a file here".
  expect(lines).toEqual([1, 1]);
  const button = page.locator(".sidebar").getByRole("button", { name: "Browse files" });
  const box = (await button.boundingBox())!;
  const sidebar = (await page.locator(".sidebar").boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(sidebar.x + sidebar.width);
  expect(page.errors).toEqual([]);
});
