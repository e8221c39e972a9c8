import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const folder = mkdtempSync(join(tmpdir(), "edgelit-gate-"));
const gate = join(folder, "open");
const app = appInBrowser({
  app: "test/e2e/fixtures/page-switch-app.ts",
  env: { EDGELIT_TEST_GATE: gate },
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

test("while a page switch runs, the old page's sidebar widgets take no clicks; the menu still works", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  const count = page.getByRole("button", { name: "Count a click" });
  await count.click();
  await page.getByText("clicks: 1", { exact: true }).waitFor();

  await page.getByRole("link", { name: "Report" }).click();
  // The new page's run has begun (its title is drawn) and is held at the gate.
  await page.getByRole("heading", { name: "Report" }).waitFor();
  expect(await page.getByText("report ready").count()).toBe(0);
  // The old page's button is still on screen, faded; a real click on it reaches nothing.
  const box = (await count.boundingBox())!;
  expect(await count.evaluate((button) => button.closest("[inert]") !== null)).toBe(true);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  expect(await page.getByRole("link", { name: "Home" }).evaluate((a) => a.closest("[inert]"))).toBe(
    null,
  );

  writeFileSync(gate, "");
  await page.getByText("report ready").waitFor();
  await page.getByRole("link", { name: "Home" }).click();
  await page.getByText("clicks: 1", { exact: true }).waitFor();
  // Nothing on the page takes no input any more.
  expect(await page.locator("[inert]").count()).toBe(0);
  expect(page.errors).toEqual([]);
});
