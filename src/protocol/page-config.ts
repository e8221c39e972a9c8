/**
 * A page's configuration (the tab's title and icon, the layout, the sidebar's
 * first state) as the server sends it and the page applies it. It comes in
 * three layers, later ones winning field by field: the app's options
 * (`defineApp`), the shown page's options (`page()`), and the script's
 * `st.setPageConfig` calls.
 */

/** "centered": the main column is at most 736 px wide; "wide": it uses the window's width. */
export type PageLayout = "centered" | "wide";

/** How the sidebar starts: "auto" is expanded on wide screens and collapsed below 768 px. */
export type SidebarState = "auto" | "expanded" | "collapsed";

/** One layer of page configuration; every field is optional. */
export interface PageConfigLayer {
  title?: string;
  /** An emoji, ":material/name:", or an image URL (https://…, or a path on this site). */
  icon?: string;
  layout?: PageLayout;
  initialSidebarState?: SidebarState;
}

/** The configuration a page shows, every field resolved. */
export interface ResolvedPageConfig {
  title: string;
  icon?: string;
  layout: PageLayout;
  initialSidebarState: SidebarState;
}

/** The layouts, in the order the error messages list them. */
export const PAGE_LAYOUTS: readonly PageLayout[] = ["centered", "wide"];
/** The sidebar states, in the order the error messages list them. */
export const SIDEBAR_STATES: readonly SidebarState[] = ["auto", "expanded", "collapsed"];

/** The tab's title when nothing names the app. */
export const DEFAULT_PAGE_TITLE = "edgelit";

/** The window width (CSS px) at and below which the sidebar is an overlay behind a toggle. */
export const NARROW_SCREEN_PX = 768;

/**
 * The configuration a page shows: the app's layer, the page's, then the
 * script's, each field from the last layer that sets it. A page's title
 * alone reads "Page · App"; a title the script sets is taken as it is.
 *
 * @example resolvePageConfig({ app: { title: "Shop" }, page: { title: "Cart" } }).title // "Cart · Shop"
 */
export function resolvePageConfig(layers: {
  app?: PageConfigLayer;
  page?: PageConfigLayer;
  script?: PageConfigLayer;
}): ResolvedPageConfig {
  const { app = {}, page = {}, script = {} } = layers;
  const pageTitle =
    page.title !== undefined && app.title !== undefined && app.title !== page.title
      ? `${page.title} · ${app.title}`
      : page.title;
  const icon = script.icon ?? page.icon ?? app.icon;
  const resolved: ResolvedPageConfig = {
    title: script.title ?? pageTitle ?? app.title ?? DEFAULT_PAGE_TITLE,
    layout: script.layout ?? page.layout ?? app.layout ?? "centered",
    initialSidebarState:
      script.initialSidebarState ?? page.initialSidebarState ?? app.initialSidebarState ?? "auto",
  };
  if (icon !== undefined) resolved.icon = icon;
  return resolved;
}

const MATERIAL_ICON = /^:material\/[a-z0-9_]+:$/;

/**
 * The `href` of the tab's icon for a page icon: an emoji becomes a small SVG
 * (a data URL), an image URL stays as it is. A Material icon has none here
 * (the page draws it once its font is loaded); nor has no icon.
 *
 * @example faviconHref("🔥") // "data:image/svg+xml,…"
 */
export function faviconHref(icon: string | undefined): string | undefined {
  if (icon === undefined || MATERIAL_ICON.test(icon)) return undefined;
  if (isImageUrl(icon)) return icon;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text x="50" y=".9em" font-size="90" text-anchor="middle">${icon.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** True for an icon given as an image URL: http(s), a data: image, or a path on this site. */
export function isImageUrl(icon: string): boolean {
  return /^(https?:\/\/|\/(?!\/)|\.\.?\/|data:image\/)/i.test(icon);
}
