import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

/**
 * Issue 14, finding 8: the page has a Content-Security-Policy that its own
 * client (and the parts it loads on demand) satisfies, and that stops script
 * the page did not ship.
 */

const fixture = appInBrowser({ app: "examples/hello/app.ts" });

test("the page is served with a policy allowing only its own scripts, no eval, no plugins, no framing by others", async () => {
  const response = await fetch(fixture.server.url);
  const policy = response.headers.get("content-security-policy") ?? "";
  const directives = Object.fromEntries(
    policy.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
  expect(directives["script-src"]?.[0]).toBe("'self'");
  expect(directives["script-src"]?.slice(1).every((s: string) => s.startsWith("'sha256-"))).toBe(
    true,
  );
  expect(policy).not.toContain("unsafe-eval");
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["frame-ancestors"]).toEqual(["'self'"]);
  expect(directives["base-uri"]).toEqual(["'self'"]);
});

test("every page of the tour, KaTeX and code highlighting included, runs under the policy without a breach", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.getByRole("heading", { name: "Hello, edgelit", exact: true }).waitFor();
  const links = page.getByRole("navigation", { name: "Pages" }).getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThan(5);
  for (let index = 0; index < count; index++) {
    await links.nth(index).click();
    await page.locator("main[aria-busy=false]").waitFor();
  }
  // The inline theme script ran (it is allowed by its hash): the reader's choice applies.
  await page.evaluate(() => localStorage.setItem("edgelit-theme", "dark"));
  await page.reload();
  await page.locator("main[aria-busy=false]").waitFor();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  expect(page.errors).toEqual([]);
});

test("a script the page did not ship does not run", async () => {
  const page = await fixture.browser.newPage();
  await page.goto(fixture.server.url);
  await page.locator("main[aria-busy=false]").waitFor();
  // As injected markup would try: an inline script and an inline event handler.
  const ran = await page.evaluate(async () => {
    const flags = window as unknown as Record<string, boolean>;
    const script = document.createElement("script");
    script.textContent = "window.injectedScriptRan = true";
    document.body.append(script);
    const image = document.createElement("img");
    image.setAttribute("onerror", "window.injectedHandlerRan = true");
    image.src = "data:,not-an-image";
    document.body.append(image);
    await new Promise((done) => setTimeout(done, 200));
    return { script: flags.injectedScriptRan ?? false, handler: flags.injectedHandlerRan ?? false };
  });
  expect(ran).toEqual({ script: false, handler: false });
  expect(page.errors.filter((error) => /Content Security Policy/.test(error))).toHaveLength(2);
});
