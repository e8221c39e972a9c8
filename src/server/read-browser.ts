import type { BrowserContext } from "../protocol/index.ts";

/** Longest locale or time zone name taken from a page. */
const MAX_NAME_CHARS = 64;

/**
 * What a page says of its browser, field by field: a field that is not what a browser sends is
 * left out (the app sees it as unknown), and the event goes on.
 *
 * @example
 * toBrowserContext({ locale: "fr-FR", timezone: "Europe/Paris", theme: "dark" });
 */
export function toBrowserContext(value: unknown): BrowserContext | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { locale, timezone, timezoneOffset, theme, isEmbedded } = value as Record<string, unknown>;
  const browser: BrowserContext = {};
  if (isName(locale, /^[A-Za-z0-9-]+$/)) browser.locale = locale;
  if (isName(timezone, /^[A-Za-z0-9_+\-/]+$/)) browser.timezone = timezone;
  if (Number.isInteger(timezoneOffset) && Math.abs(timezoneOffset as number) <= 24 * 60)
    browser.timezoneOffset = timezoneOffset as number;
  if (theme === "light" || theme === "dark") browser.theme = theme;
  if (typeof isEmbedded === "boolean") browser.isEmbedded = isEmbedded;
  return browser;
}

function isName(value: unknown, shape: RegExp): value is string {
  return typeof value === "string" && value.length <= MAX_NAME_CHARS && shape.test(value);
}
