import {
  faviconHref,
  type PageLayout,
  type SidebarState,
  type Transport,
} from "../protocol/index.ts";

/** What the page learns from the server when it loads. */
export interface PageConfig {
  title?: string;
  /** The tab's icon: an emoji, ":material/name:" or an image URL (checked by defineApp). */
  icon?: string;
  layout?: PageLayout;
  initialSidebarState?: SidebarState;
  /** Development mode: the page reruns when the app's source changes. */
  dev?: boolean;
  /** The transports this server offers, in the order the page should try them. */
  transports?: Transport[];
  /** Silence after which the page sends an event again (eventTimeoutSeconds); 0 never. */
  eventTimeoutMs?: number;
  /**
   * Idle seconds before a session is forgotten: a session the page saved less
   * than this ago cannot have expired, so its loss is the store's.
   */
  sessionTtlSeconds?: number;
  /** The app's fixed colour scheme (theme.base); absent, the page follows the system. */
  themeBase?: "light" | "dark";
  /** The base map of `st.map` (a MapLibre style URL, or "none"); absent, Carto's by theme. */
  mapStyle?: string;
}

const CONFIG_ELEMENT =
  /(<script type="application\/json" id="edgelit-config">)[\s\S]*?(<\/script>)/;

/**
 * The client's index.html with the page config filled in and the app's theme
 * CSS (from `toThemeCss`) in a <style> after the client's stylesheet, so the
 * first paint is already themed; the app's title, tab icon and layout
 * (`<html data-layout>`) are in it too.
 */
export function renderPage(indexHtml: string, config: PageConfig, themeCss = ""): string {
  // Inside a <script> element only "</" could end it early; escape every "<".
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  let html = indexHtml.replace(
    CONFIG_ELEMENT,
    (_match, open: string, close: string) => `${open}${json}${close}`,
  );
  // Validated theme values hold no "<"; escaping it anyway keeps "</style>" out for certain.
  if (themeCss)
    html = html.replace(
      "</head>",
      () => `<style id="edgelit-theme">${themeCss.replace(/</g, "\\3c ")}</style>\n</head>`,
    );
  if (config.title)
    html = html.replace(
      /<title>[^<]*<\/title>/,
      () => `<title>${escapeHtml(config.title!)}</title>`,
    );
  const icon = faviconHref(config.icon);
  if (icon)
    html = html.replace(
      /<link rel="icon"[^>]*>/,
      () => `<link rel="icon" href="${escapeHtml(icon)}" />`,
    );
  html = html.replace(/<html\b/, () => `<html data-layout="${config.layout ?? "centered"}"`);
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
