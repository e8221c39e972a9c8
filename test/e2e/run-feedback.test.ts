import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit } from "../helpers/processes.ts";

let browser: Browser;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  server = await startEdgelit({ app: "test/e2e/fixtures/slow-app.ts", dev: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("while a run streams, the page shows it is running and fades what the run has not reached; the end removes stale elements", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("only when fast").waitFor();

  await page.getByRole("checkbox", { name: "Slow" }).check();
  // Streamed before the script's pause: the new run number, while later elements wait faded.
  await page.getByText("run 2").waitFor();
  await page.getByText("Running…").waitFor();
  await page.locator(".element.stale", { hasText: "after the wait" }).waitFor();
  expect(await page.locator(".element.stale", { hasText: "run 2" }).count()).toBe(0);

  await page.getByText("Running…").waitFor({ state: "hidden", timeout: 10_000 });
  await page.getByText("only when fast").waitFor({ state: "detached" });
  expect(await page.locator(".element.stale").count()).toBe(0);
  expect(page.errors).toEqual([]);
});

test("a script that throws shows its error in the page, and the app works again when it stops throwing", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("only when fast").waitFor();

  await page.getByRole("checkbox", { name: "Break" }).check();
  const box = page.getByRole("alert").filter({ hasText: "the script broke" });
  await box.waitFor();
  expect(await box.textContent()).toContain("Error");

  await page.getByRole("checkbox", { name: "Break" }).uncheck();
  await page.getByText("only when fast").waitFor();
  await box.waitFor({ state: "detached" });
  await page.getByText(/^run \d+$/).waitFor();
});
