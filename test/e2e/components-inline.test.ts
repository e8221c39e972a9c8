import { afterAll, beforeAll, expect, test } from "vitest";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startEdgelit, tempDir } from "../helpers/processes.ts";

/**
 * Issue 19: inline components (`component(name, { html, css, js })`). The
 * module, imported under the page's policy, mounts in a shadow root; its state
 * is a widget value kept in the session (a reload and a server restart keep
 * it), its trigger values last one run, and an oversized value is refused.
 */

const APP = "test/e2e/fixtures/components-inline-app.ts";
const store = tempDir("edgelit-inline-");
const start = (port?: number) => startEdgelit({ app: APP, storage: `fs:${store.path}`, port });
let server: Awaited<ReturnType<typeof start>>;
let browser: Browser;
beforeAll(async () => {
  server = await start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  store.remove();
});

test("an inline counter's state survives a reload and a server restart", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("Component count 0").waitFor();
  expect(
    await page.getByRole("button", { name: "Add one" }).evaluate((b) => getComputedStyle(b).color),
  ).toBe("rgb(1, 2, 3)");
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("count 1", { exact: true }).waitFor();
  await page.getByText("Component count 1").waitFor();
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("count 2", { exact: true }).waitFor();
  await page.reload();
  await page.getByText("Component count 2").waitFor();
  await page.getByText("count 2", { exact: true }).waitFor();
  const port = server.port;
  await server.stop();
  server = await start(port);
  await page.reload();
  await page.getByText("Component count 2").waitFor();
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("count 3", { exact: true }).waitFor();
  expect(page.errors).toEqual([]);
});

test("a trigger value lasts the one run it causes", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("pinged no").waitFor();
  await page.getByRole("button", { name: "Ping" }).click();
  await page.getByText("pinged ping!").waitFor();
  await page.getByRole("button", { name: "Rerun" }).click();
  await page.getByText("pinged no").waitFor();
  expect(page.errors).toEqual([]);
});

test("an oversized state value is refused and the component keeps working", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.getByText("Component count 0").waitFor();
  await page.getByRole("button", { name: "Send huge" }).click();
  await page
    .getByRole("status")
    .getByText(
      /Refused a value for this inlineComponent: a component's value may hold 262144 bytes/,
    )
    .waitFor();
  await page.getByText("count 0", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Add one" }).click();
  await page.getByText("count 1", { exact: true }).waitFor();
});
