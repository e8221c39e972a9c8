import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  server = await startEdgelit({ app: "test/e2e/fixtures/slider-reset-app.ts" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("a select slider dragged away and back to where it was still shows the value the app sets next", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("Size: M").waitFor();
  const slider = page.getByRole("slider", { name: "Size" });
  const box = (await slider.boundingBox())!;
  const at = (index: number) => box.x + 8 + ((box.width - 16) * index) / 3;
  const y = box.y + box.height / 2;
  // Drag M to XL and back to M: the value ends where it started, so the browser fires no change.
  await page.mouse.move(at(1), y);
  await page.mouse.down();
  await page.mouse.move(at(3), y, { steps: 5 });
  await page.mouse.move(at(1), y, { steps: 5 });
  await page.mouse.up();
  expect(await slider.inputValue()).toBe("1");

  await page.getByRole("button", { name: "Pick XL" }).click();
  await page.getByText("Size: XL").waitFor();
  expect(await slider.inputValue()).toBe("3");
  expect(page.errors).toEqual([]);
});

test("a drag that moves a select slider sends its new value once", async () => {
  const page = await browser.newPage();
  const events: unknown[] = [];
  page.on("request", (request) => request.url().endsWith("/_edgelit/event") && events.push(request.postDataJSON()));
  await page.goto(server.url);
  await page.getByText("Size: M").waitFor();
  const before = events.length;
  const slider = page.getByRole("slider", { name: "Size" });
  const box = (await slider.boundingBox())!;
  const at = (index: number) => box.x + 8 + ((box.width - 16) * index) / 3;
  const y = box.y + box.height / 2;
  await page.mouse.move(at(1), y);
  await page.mouse.down();
  await page.mouse.move(at(2), y, { steps: 5 });
  await page.mouse.up();
  await page.getByText("Size: L").waitFor();
  // A click after it: its run shows once every earlier event has been answered.
  await page.getByRole("button", { name: "Pick XL" }).click();
  await page.getByText("Size: XL").waitFor();
  expect(events.length).toBe(before + 2);
  expect(page.errors).toEqual([]);
});

test("a slider dragged away and back to where it was still shows the value the app sets next", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("Volume: 1").waitFor();
  const slider = page.getByRole("slider", { name: "Volume" });
  const box = (await slider.boundingBox())!;
  const at = (value: number) => box.x + 8 + ((box.width - 16) * value) / 3;
  const y = box.y + box.height / 2;
  await page.mouse.move(at(1), y);
  await page.mouse.down();
  await page.mouse.move(at(3), y, { steps: 5 });
  await page.mouse.move(at(1), y, { steps: 5 });
  await page.mouse.up();
  expect(await slider.inputValue()).toBe("1");

  await page.getByRole("button", { name: "Mute" }).click();
  await page.getByText("Volume: 0").waitFor();
  expect(await slider.inputValue()).toBe("0");
  expect(page.errors).toEqual([]);
});
