import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let server: Awaited<ReturnType<typeof startEdgelit>>;
let browser: Browser;

beforeAll(async () => {
  server = await startEdgelit({ app: "examples/hello/app.ts" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("tabs show one panel at a time, and switching needs no request to the server", async () => {
  const page = await browser.newPage();
  let events = 0;
  page.on("request", (request) => request.url().endsWith("/_edgelit/event") && events++);
  await page.goto(server.url);
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Layout" }).click();
  const first = page.getByText("Content of the first tab.");
  const second = page.getByText(/^Content of the second tab/);
  await first.waitFor();
  expect(await second.isVisible()).toBe(false);
  expect(await page.getByRole("tab", { name: "First tab" }).getAttribute("aria-selected")).toBe("true");

  const before = events;
  await page.getByRole("tab", { name: "Second tab" }).click();
  await second.waitFor();
  expect(await first.isVisible()).toBe(false);
  expect(await page.getByRole("tab", { name: "Second tab" }).getAttribute("aria-selected")).toBe("true");
  expect(events).toBe(before);
  expect(page.errors).toEqual([]);
});
