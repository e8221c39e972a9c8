import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const app = appInBrowser({ app: "test/e2e/fixtures/pixels-app.ts" });

test("an image drawn from raw pixels shows at its own size, and stretched to its container", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  const own = page.getByRole("img", { name: "Own size" });
  const stretched = page.getByRole("img", { name: "Stretched" });
  await own.waitFor();
  await stretched.waitFor();
  const sizes = await page.evaluate(() =>
    [...document.querySelectorAll("img")].map((img) => ({
      natural: [img.naturalWidth, img.naturalHeight],
      shown: Math.round(img.getBoundingClientRect().width),
      container: Math.round(img.closest(".element")!.parentElement!.getBoundingClientRect().width),
      topLeft: (() => {
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const context = canvas.getContext("2d")!;
        context.drawImage(img, 0, 0);
        return [...context.getImageData(img.naturalWidth - 1, 1, 1, 1).data];
      })(),
    })),
  );
  expect(sizes[0]!.natural).toEqual([120, 80]);
  expect(sizes[0]!.shown).toBe(120);
  // The pixel at (119, 1) is what the app computed: red = x, green = y, blue 128.
  expect(sizes[0]!.topLeft).toEqual([119, 1, 128, 255]);
  expect(sizes[1]!.natural).toEqual([40, 20]);
  expect(sizes[1]!.shown).toBeGreaterThan(200);
  expect(sizes[1]!.shown).toBe(sizes[1]!.container);
  expect(page.errors).toEqual([]);
});
