import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startEdgelit, tempDir, type EdgelitProcessOptions } from "./processes.ts";

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** A headless Chromium with a fresh profile; `close` removes the profile. */
export interface Browser {
  context: BrowserContext;
  /** A new tab, with the page's errors (and any breach of its Content-Security-Policy) collected in `errors`. */
  newPage(): Promise<Page & { errors: string[] }>;
  close(): Promise<void>;
}

/** Launches headless Chromium as on these machines: no sandbox (root), no background traffic. */
export async function launchBrowser(options: { extraArgs?: string[] } = {}): Promise<Browser> {
  const profile = tempDir("edgelit-chromium-");
  const context = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(options.extraArgs ?? []),
    ],
  });
  return {
    context,
    async newPage() {
      const page = (await context.newPage()) as Page & { errors: string[] };
      page.errors = [];
      page.on("pageerror", (error) => page.errors.push(error.message));
      // Whatever the page's policy blocks is a bug of the page (or of the policy): every test that
      // checks `errors` checks the policy too.
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/.test(message.text()))
          page.errors.push(`${message.text()} (in ${message.location().url})`);
      });
      return page;
    },
    async close() {
      await context.close();
      profile.remove();
    },
  };
}

/**
 * `errors` without the inline event handlers the policy blocked while the
 * sanitizer parsed hostile markup: Chromium tries an `onerror` of an image
 * in DOMPurify's parsing document, and the page's policy refuses it. Only
 * tests that show hostile HTML on purpose expect these.
 */
export function withoutBlockedHostileHandlers(errors: string[]): string[] {
  return errors.filter(
    (error) =>
      !(
        error.startsWith("Executing inline event handler violates") &&
        /\/sanitize-[^/]*\.js\)$/.test(error)
      ),
  );
}

/** Waits until the page's (first) metric shows exactly `count`, as the counter apps draw it. */
export function metricShows(page: Page, count: number, timeout = 30_000): Promise<void> {
  return page.locator(".metric-value", { hasText: new RegExp(`^${count}$`) }).waitFor({ timeout });
}

/** An app served by `edgelit run` and a Chromium to open it in, for the tests of one file. */
export interface AppInBrowser {
  readonly server: Awaited<ReturnType<typeof startEdgelit>>;
  readonly browser: Browser;
}

/**
 * Starts the app and Chromium before the file's tests and stops both after
 * them. Read `server` and `browser` inside the tests (they exist once the
 * tests run).
 */
export function appInBrowser(options: EdgelitProcessOptions): AppInBrowser {
  let server: AppInBrowser["server"] | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startEdgelit(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("appInBrowser: the app is read before the tests run");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
