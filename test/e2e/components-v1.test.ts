import { cpSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";
import { tempDir } from "../helpers/processes.ts";

/**
 * Issue 19: a component declared with `declareComponent`, whose frontend is
 * built here from a small file that uses the real streamlit-component-lib,
 * runs unchanged: its args and a dataframe arg arrive, its value reaches the
 * app (and survives a reload), its height applies, a bad value is refused,
 * and its script cannot reach the page's storage.
 */

const FIXTURE = "test/e2e/fixtures/v1-component";
const built = tempDir("edgelit-component-");
beforeAll(async () => {
  cpSync(join(FIXTURE, "index.html"), join(built.path, "index.html"));
  await build({
    entryPoints: [join(FIXTURE, "main.ts")],
    bundle: true,
    format: "iife",
    outfile: join(built.path, "main.js"),
    logLevel: "error",
  });
  process.env.EDGELIT_TEST_COMPONENT_DIR = built.path;
});
afterAll(() => built.remove());

// Started after the build (hooks run in order), with the folder in the environment.
const fixture = appInBrowser({ app: "test/e2e/fixtures/components-v1-app.ts" });

const frameOf = (page: import("playwright-core").Page) =>
  page.frameLocator('iframe[title="probe"]');

test("a streamlit-component-lib frontend gets its args and a dataframe arg, and its value reaches the app and survives a reload", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const frame = frameOf(page);
  await expect
    .poll(() => frame.locator("#out").textContent())
    .toBe("hello 0; 2 rows; score of row 1: 5; disabled false; theme light #ff4b4b");
  await page.getByText('value: "nothing yet"').waitFor();
  // New args are rendered again.
  await page.getByRole("button", { name: "Count" }).click();
  await expect.poll(() => frame.locator("#out").textContent()).toMatch(/^hello 1; /);
  await frame.getByRole("button", { name: "Send", exact: true }).click();
  await page.getByText('value: {"clicks":1}').waitFor();
  await frame.getByRole("button", { name: "Send", exact: true }).click();
  await page.getByText('value: {"clicks":2}').waitFor();
  await page.reload();
  await page.getByText('value: {"clicks":2}').waitFor();
  await frame.getByRole("button", { name: "Send bytes" }).click();
  await page.getByText("value: bytes 1,2,254").waitFor();
  expect(page.errors).toEqual([]);
});

test("setFrameHeight sets the frame's height", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const iframe = page.locator('iframe[title="probe"]');
  await expect.poll(() => iframe.evaluate((element) => element.clientHeight)).toBe(200);
  await frameOf(page).getByRole("button", { name: "Grow" }).click();
  await expect.poll(() => iframe.evaluate((element) => element.clientHeight)).toBe(321);
});

test("an oversized or malformed value is refused and the app keeps running", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  const frame = frameOf(page);
  await frame.locator("#out").getByText("hello 0").waitFor();
  await frame.getByRole("button", { name: "Send oversized" }).click();
  await page
    .getByRole("status")
    .getByText(/Refused a value for this component: a component's value may hold 262144 bytes/)
    .waitFor();
  await frame.getByRole("button", { name: "Send malformed" }).click();
  await page
    .getByRole("status")
    .getByText(/Refused a value for this component: .*got dataType "rows"/)
    .waitFor();
  // Past the event limit, the whole event is refused, and says so.
  await frame.getByRole("button", { name: "Send huge" }).click();
  await page.getByText("The event body is larger than 1048576 bytes.").waitFor();
  await page.getByText('value: "nothing yet"').waitFor();
  await frame.getByRole("button", { name: "Send", exact: true }).click();
  await page.getByText('value: {"clicks":1}').waitFor();
});

test("the component's script cannot reach the page's storage, and its folder serves nothing outside it", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await expect
    .poll(() => frameOf(page).locator("#probe").textContent())
    .toBe("storage blocked, parent blocked");
  const src = await page.locator('iframe[title="probe"]').getAttribute("src");
  expect(src).toBe("/_edgelit/component/probe/index.html");
  expect(await page.locator('iframe[title="probe"]').getAttribute("sandbox")).not.toContain(
    "allow-same-origin",
  );
  // Opened on its own, the document is still in an origin of its own.
  const tab = await fixture.browser.newPage();
  await tab.goto(fixture.server.url + src);
  expect(await tab.evaluate(() => origin)).toBe("null");
  const script = await fetch(`${fixture.server.url}/_edgelit/component/probe/main.js`);
  expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  expect(script.headers.get("access-control-allow-origin")).toBe("*");
  for (const path of [
    "..%2Fpackage.json",
    "%2E%2E%2F%2E%2E%2F%2E%2E%2Fpackage.json",
    "..%5Cpackage.json",
  ])
    expect((await fetch(`${fixture.server.url}/_edgelit/component/probe/${path}`)).status).toBe(
      404,
    );
  expect((await fetch(`${fixture.server.url}/_edgelit/component/other/index.html`)).status).toBe(
    404,
  );
});
