import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

/** Issue 19: st.iframe of another site, once the app allows its origin (config key contentSecurityPolicy). */

let otherSite: Server;
beforeAll(async () => {
  otherSite = createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end("<p>hello from the other site</p>");
  });
  await new Promise<void>((done) => otherSite.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(otherSite.address() as { port: number }).port}`;
  process.env.EDGELIT_TEST_OTHER_SITE = `${origin}/`;
  process.env.EDGELIT_CONTENT_SECURITY_POLICY = JSON.stringify({ "frame-src": [origin] });
});
afterAll(() => new Promise<void>((done) => otherSite.close(() => done())));

const app = appInBrowser({ app: "test/e2e/fixtures/frames-app.ts" });

test("with its origin in contentSecurityPolicy, another site's page shows in st.iframe", async () => {
  const page = await app.browser.newPage();
  await page.goto(app.server.url);
  const frame = page.frameLocator('iframe[title="Other site"]');
  await frame.getByText("hello from the other site").waitFor();
  expect(await page.getByText("does not allow frames from").count()).toBe(0);
  // The policy still holds everything else: edgelit's own sources are kept.
  const policy = (await page.request.get(app.server.url)).headers()["content-security-policy"];
  expect(policy).toMatch(/frame-src 'self' data: http:\/\/127\.0\.0\.1:\d+;/);
  expect(policy).toContain("script-src 'self'");
});
