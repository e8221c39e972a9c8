import { createSignal } from "solid-js";
import type { UrlMessage } from "../../../src/protocol/index.ts";

/** The page's path and query, as every event sends it (`/settings?q=1`). */
export function currentUrl(): string {
  return location.pathname + location.search;
}

const [shownUrl, setShownUrl] = createSignal(currentUrl());

/** The URL the page shows, as a signal: links mark the page they lead to. */
export const pageUrl = shownUrl;

/** Goes to `href` within the app: a new history entry, no page load. */
export function pushUrl(href: string): void {
  if (href !== currentUrl()) history.pushState(null, "", href);
  setShownUrl(currentUrl());
}

/**
 * Shows the URL the server asked for (a page switch, query params the app
 * wrote), unless the user has gone elsewhere since the event left: what they
 * did last wins.
 */
export function applyUrl(message: UrlMessage, sentUrl: string): void {
  if (currentUrl() !== sentUrl) return;
  try {
    if (message.history === "push") history.pushState(null, "", message.url);
    else history.replaceState(history.state, "", message.url);
  } catch (error) {
    console.warn("edgelit: the server asked for a URL the page cannot show", message.url, error);
  }
  setShownUrl(currentUrl());
}

/** Calls `onChange` when back or forward changes the page's path or query (not only its #fragment). */
export function watchHistory(onChange: () => void): void {
  addEventListener("popstate", () => {
    if (currentUrl() === shownUrl()) return;
    setShownUrl(currentUrl());
    onChange();
  });
}

/**
 * A click on an in-app link: switch pages in the page (one event, no load).
 * Clicks that mean "elsewhere" (a modifier key, another button) are left to the browser.
 */
export function followInApp(
  event: MouseEvent,
  href: string,
  navigate: (href: string) => void,
): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  navigate(href);
}
