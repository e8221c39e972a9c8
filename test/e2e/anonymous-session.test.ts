import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit, tempDir } from "../helpers/processes.ts";
import { fsStoreFile } from "../helpers/fs-store.ts";

/**
 * A session whose first visit holds nothing is not stored, in a real
 * Chromium: the page keeps its session id, and the user's first click and
 * slider move apply as if it had been, with no "session expired" detour.
 */

let browser: Browser;
let server: Awaited<ReturnType<typeof startEdgelit>>;
const store = tempDir("edgelit-e2e-anon-");

beforeAll(async () => {
  server = await startEdgelit({
    app: "test/integration/fixtures/anonymous-app.ts",
    storage: `fs:${store.path}`,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  store.remove();
});

/** The session files in the fs store. */
const sessionFiles = () =>
  readdirSync(store.path, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && entry.parentPath.includes("session"),
  );

test("the first click of a never-stored session counts, and the session is stored from then on", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("Clicks: 0, level 3").waitFor();
  await page.locator("main[aria-busy=false]").waitFor();
  expect(sessionFiles()).toEqual([]);

  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("Clicks: 1, level 3").waitFor();
  await page.getByRole("slider", { name: "Level" }).fill("6");
  await page.getByText("Clicks: 1, level 6").waitFor();
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("Clicks: 2, level 6").waitFor();
  expect(sessionFiles()).toHaveLength(1);
  expect(await page.getByText("session expired").count()).toBe(0);

  // A reload resumes the same, now stored, session.
  await page.reload();
  await page.getByText("Clicks: 2, level 6").waitFor();
  expect(page.errors).toEqual([]);
});

test("a reload before any click starts from the same never-stored session, and clicks still count", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("Clicks: 0, level 3").waitFor();
  await page.locator("main[aria-busy=false]").waitFor();
  const sessionId = await page.evaluate(() => sessionStorage.getItem("edgelit:session"));
  await page.reload();
  await page.getByText("Clicks: 0, level 3").waitFor();
  await page.locator("main[aria-busy=false]").waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem("edgelit:session"))).toBe(sessionId);
  // The fs store names the file by a hash of the session id.
  const stored = () => existsSync(fsStoreFile(store.path, `edgelit:session:${sessionId}`));
  expect(stored()).toBe(false);
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("Clicks: 1, level 3").waitFor();
  expect(await page.getByText("session expired").count()).toBe(0);
  expect(stored()).toBe(true);
  expect(page.errors).toEqual([]);
});
