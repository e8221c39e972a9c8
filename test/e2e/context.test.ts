import type { CDPSession, Page } from "playwright-core";
import { expect, test } from "vitest";
import { appInBrowser } from "../helpers/browser.ts";

const sse = appInBrowser({ app: "test/e2e/fixtures/context-app.ts" });
const socket = appInBrowser({
  app: "test/e2e/fixtures/context-app.ts",
  extraArgs: ["--transports", "websocket"],
});

/** Waits until the page shows `line` as one of its texts. */
function shows(page: Page, line: string): Promise<void> {
  return page.getByText(line, { exact: true }).waitFor({ timeout: 30_000 });
}

const sessions = new WeakMap<Page, CDPSession>();

/** Sets the tab's time zone and language (navigator.language follows Accept-Language). */
async function emulate(page: Page, timezoneId: string, locale: string): Promise<void> {
  // One session per tab: a time zone override belongs to the session that set it.
  let cdp = sessions.get(page);
  if (!cdp) sessions.set(page, (cdp = await page.context().newCDPSession(page)));
  else await cdp.send("Emulation.setTimezoneOverride", { timezoneId: "" });
  await cdp.send("Emulation.setTimezoneOverride", { timezoneId });
  await cdp.send("Emulation.setUserAgentOverride", {
    userAgent: await page.evaluate(() => navigator.userAgent),
    acceptLanguage: locale,
  });
}

test("the script sees the browser's locale, time zone, theme and cookies, anew on every event", async () => {
  const { server, browser } = sse;
  const page = await browser.newPage();
  await emulate(page, "Asia/Tokyo", "fr-FR");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`${server.url}/?tab=1`);
  await page.getByText("locale:").waitFor();
  await shows(page, "locale: fr-FR");
  await shows(page, "timezone: Asia/Tokyo");
  await shows(page, "offset: -540");
  await shows(page, "theme: light");
  await shows(page, "embedded: false");
  await shows(page, "flavour cookie: none");
  await shows(page, "agent: chrome");
  await shows(page, `url: ${server.url}/?tab=1`);
  await shows(page, "ip: 127.0.0.1");

  // The next event carries what changed since: no reload.
  await emulate(page, "America/New_York", "de-DE");
  await page.emulateMedia({ colorScheme: "dark" });
  await browser.context.addCookies([{ name: "flavour", value: "lemon", url: server.url }]);
  await page.getByRole("button", { name: "Again" }).click();
  await shows(page, "locale: de-DE");
  await shows(page, "timezone: America/New_York");
  await shows(page, "theme: dark");
  await shows(page, "flavour cookie: lemon");
  expect(page.errors).toEqual([]);
  await page.close();
});

test("over the WebSocket transport the script sees the browser and the handshake's cookies", async () => {
  const { server, browser } = socket;
  await browser.context.addCookies([{ name: "flavour", value: "mint", url: server.url }]);
  const page = await browser.newPage();
  await emulate(page, "Europe/Paris", "it-IT");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(server.url);
  await shows(page, "locale: it-IT");
  await shows(page, "timezone: Europe/Paris");
  await shows(page, "theme: dark");
  await shows(page, "flavour cookie: mint");
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("button", { name: "Again" }).click();
  await shows(page, "theme: light");
  // A login or logout changes the login mark: the page opens a new socket, whose handshake
  // carries the cookies as they are now.
  await browser.context.addCookies([
    { name: "flavour", value: "lemon", url: server.url },
    { name: "edgelit_login_mark", value: "2", url: server.url },
  ]);
  await page.getByRole("button", { name: "Again" }).click();
  await shows(page, "flavour cookie: lemon");
  expect(page.errors).toEqual([]);
  await page.close();
});
