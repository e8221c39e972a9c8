import type { Locator, Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const fixture = appInBrowser({ app: "test/e2e/fixtures/slider-reset-app.ts" });

/** Drags a slider of `steps` + 1 stops with the mouse, through the given stops in order, then releases it. */
async function drag(page: Page, slider: Locator, steps: number, stops: number[]): Promise<void> {
  const box = (await slider.boundingBox())!;
  const x = (stop: number) => box.x + 8 + ((box.width - 16) * stop) / steps;
  const y = box.y + box.height / 2;
  await page.mouse.move(x(stops[0]!), y);
  await page.mouse.down();
  for (const stop of stops.slice(1)) await page.mouse.move(x(stop), y, { steps: 5 });
  await page.mouse.up();
}

test("a select slider dragged away and back to where it was still shows the value the app sets next", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("Size: M").waitFor();
  const slider = page.getByRole("slider", { name: "Size" });
  // Drag M to XL and back to M: the value ends where it started, so the browser fires no change.
  await drag(page, slider, 3, [1, 3, 1]);
  expect(await slider.inputValue()).toBe("1");

  await page.getByRole("button", { name: "Pick XL" }).click();
  await page.getByText("Size: XL").waitFor();
  expect(await slider.inputValue()).toBe("3");
  expect(page.errors).toEqual([]);
});

test("a drag that moves a select slider sends its new value once", async () => {
  const page = await fixture.browser.newPage();
  const events: unknown[] = [];
  page.on(
    "request",
    (request) => request.url().endsWith("/_edgelit/event") && events.push(request.postDataJSON()),
  );
  await page.goto(fixture.server.url);
  await page.getByText("Size: M").waitFor();
  const before = events.length;
  await drag(page, page.getByRole("slider", { name: "Size" }), 3, [1, 2]);
  await page.getByText("Size: L").waitFor();
  // A click after it: its run shows once every earlier event has been answered.
  await page.getByRole("button", { name: "Pick XL" }).click();
  await page.getByText("Size: XL").waitFor();
  expect(events.length).toBe(before + 2);
  expect(page.errors).toEqual([]);
});

test("a slider dragged away and back to where it was still shows the value the app sets next", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByText("Volume: 1").waitFor();
  const slider = page.getByRole("slider", { name: "Volume" });
  await drag(page, slider, 3, [1, 3, 1]);
  expect(await slider.inputValue()).toBe("1");

  await page.getByRole("button", { name: "Mute" }).click();
  await page.getByText("Volume: 0").waitFor();
  expect(await slider.inputValue()).toBe("0");
  expect(page.errors).toEqual([]);
});
