import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

/**
 * Issue 19: `components.html` and `st.iframe`. A frame's script runs but
 * reaches nothing of the page's; another site shows once the app allows it.
 */

let otherSite: Server;
let otherUrl = "";
beforeAll(async () => {
  otherSite = createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end("<p>hello from the other site</p>");
  });
  await new Promise<void>((done) => otherSite.listen(0, "127.0.0.1", done));
  otherUrl = `http://127.0.0.1:${(otherSite.address() as { port: number }).port}/`;
  process.env.EDGELIT_TEST_OTHER_SITE = otherUrl;
});
afterAll(() => new Promise<void>((done) => otherSite.close(() => done())));

// Started after the other site (hooks run in order), with its URL in the environment.
const refusing = appInBrowser({ app: "test/e2e/fixtures/frames-app.ts" });

test("components.html runs its script in a frame that cannot reach the page's storage, the page or its cookies", async () => {
  const page = await refusing.browser.newPage();
  await page.goto(refusing.server.url);
  const probe = page.frameLocator('iframe[title="Probe"]').locator("#out");
  await expect
    .poll(() => probe.textContent())
    .toBe("storage blocked, parent blocked, cookie blocked");
  // Opened on its own, the document is still in an origin of its own.
  const src = (await page.locator('iframe[title="Probe"]').getAttribute("src"))!;
  expect(src).toMatch(/^\/_edgelit\/frame\/[0-9a-f]{32}$/);
  const tab = await refusing.browser.newPage();
  await tab.goto(refusing.server.url + src);
  expect(await tab.evaluate(() => origin)).toBe("null");
  expect(await tab.locator("#out").textContent()).toBe(
    "storage blocked, no parent, cookie blocked",
  );
  // The frame route serves only frame documents.
  expect((await fetch(refusing.server.url + "/_edgelit/frame/" + "0".repeat(32))).status).toBe(404);
});

test("another site's frame, not allowed by the page's policy, says so and how to allow it", async () => {
  const page = await refusing.browser.newPage();
  await page.goto(refusing.server.url);
  await page.getByRole("note").filter({ hasText: "does not allow frames from" }).waitFor();
  expect(await page.getByRole("note").textContent()).toContain(otherUrl.slice(0, -1));
  expect(await page.locator('iframe[title="Other site"]').count()).toBe(0);
});
