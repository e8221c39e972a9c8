import type { BrowserContext } from "../../../src/protocol/index.ts";

/**
 * What the page tells the server of its browser with every event (`st.context`): its language,
 * time zone, the colour scheme it shows, and whether it is framed by another page.
 */
export function browserContext(): BrowserContext {
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  const dark =
    scheme === "dark" || (scheme !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
  return {
    locale: navigator.language,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    timezoneOffset: new Date().getTimezoneOffset(),
    theme: dark ? "dark" : "light",
    isEmbedded: window.top !== window.self,
  };
}
