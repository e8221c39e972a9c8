import { PAGE_SCRIPT, isRoutedPage, type RoutedPage } from "../runner/location.ts";
import { checkIcon } from "../elements/icons/icon-option.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import type { St } from "./st.ts";
import { checkPageLayer } from "./page-config.ts";
import type { PageLayout, SidebarState } from "../protocol/index.ts";

/** The body of one page: called with `st` when that page shows, and awaited; what it returns is ignored. */
export type PageScript = (st: St) => unknown;

/** Options of {@link page}. */
export interface PageOptions {
  /** Shown in the menu and as the browser tab's title. */
  title: string;
  /** One emoji, or a Material icon as ":material/icon_name:", before the title in the menu; the tab's icon while the page shows. */
  icon?: string;
  /** The page's layout, over the app's: "centered" or "wide". */
  layout?: PageLayout;
  /** How the sidebar starts on this page, over the app's: "auto", "expanded" or "collapsed". */
  initialSidebarState?: SidebarState;
  /** The page's path (`settings` serves it at `/settings`). Default: a slug of the title. */
  urlPath?: string;
  /** The page shown at `/`. Default: the first page given to `st.navigation`. */
  default?: boolean;
}

/**
 * A page of a multipage app, made once at module scope with {@link page} and
 * given to `st.navigation`, which returns the one the URL names.
 */
export interface Page extends RoutedPage {
  /** The layout the page asked for, if any. */
  readonly layout: PageLayout | undefined;
  /** The sidebar's first state the page asked for, if any. */
  readonly initialSidebarState: SidebarState | undefined;
  /**
   * Runs the page's function. Call it on the page `st.navigation` returned,
   * where the page's content should go (usually last).
   * @example
   * const current = st.navigation([home, settings]);
   * await current.run(st);
   */
  run(st: St): Promise<void>;
}

/** The most characters of a url path. */
const MAX_URL_PATH = 100;

/** Where `st` keeps the function that runs a page in its run. */
export const RUN_PAGE: unique symbol = Symbol.for("edgelit.page.run");

/** What `st` offers `page.run`: run this page's function, in this run. */
export type PageRunner = (page: Page, st: St) => Promise<void>;

/** True for a page made with {@link page}. */
export function isPage(value: unknown): value is Page {
  return isRoutedPage(value);
}

/** The function of a page made with {@link page}. */
export function scriptOf(target: Page): PageScript {
  return (target as unknown as Record<symbol, PageScript>)[PAGE_SCRIPT]!;
}

/**
 * A page of a multipage app, like Streamlit's `st.Page`: its function (or a
 * module whose default export is one), title, icon and url path. Make pages
 * at module scope and give them to `st.navigation` in the app.
 *
 * @example
 * import * as settingsModule from "./settings.ts";
 * const home = page(homePage, { title: "Home", icon: "🏠" });
 * const settings = page(settingsModule, { title: "Settings", urlPath: "settings" });
 * export default defineApp(async (st) => {
 *   const current = st.navigation([home, settings]);
 *   await current.run(st);
 * });
 */
export function page(source: PageScript | { default: PageScript }, options: PageOptions): Page {
  const script = typeof source === "function" ? source : source?.default;
  if (typeof script !== "function") {
    throw new EdgelitApiError(
      "page() expects a function (st) => { ... }, or a module whose default export is one.",
    );
  }
  if (typeof options?.title !== "string" || options.title.trim() === "") {
    throw new EdgelitApiError('page() needs a title: page(fn, { title: "Settings" }).');
  }
  const urlPath = toUrlPath(options.urlPath ?? options.title, options.urlPath !== undefined);
  const { layout, initialSidebarState } = checkPageLayer("page()", {
    layout: options.layout,
    initialSidebarState: options.initialSidebarState,
  });
  const made: Page = {
    title: options.title,
    icon: checkIcon("page()", options.icon),
    layout,
    initialSidebarState,
    urlPath,
    isDefault: options.default === true,
    run(st: St) {
      const runner = (st as unknown as Record<symbol, PageRunner> | undefined)?.[RUN_PAGE];
      if (typeof runner !== "function")
        throw new EdgelitApiError(
          `page.run(st) needs the app's st: run "${options.title}" with current.run(st).`,
        );
      return runner.call(st, made, st);
    },
  };
  Object.defineProperty(made, PAGE_SCRIPT, { value: script });
  return Object.freeze(made);
}

/** A url path from an option (checked) or a title (slugged): letters, digits, `-` and `_`. */
function toUrlPath(value: string, given: boolean): string {
  if (!given) {
    const slug = value
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, MAX_URL_PATH);
    if (!slug)
      throw new EdgelitApiError(
        `The page title "${value}" gives no url path: pass one, e.g. page(fn, { title: "${value}", urlPath: "overview" }).`,
      );
    return slug;
  }
  const path = typeof value === "string" ? value.replace(/^\/+/, "") : "";
  if (!isUrlPath(path)) {
    throw new EdgelitApiError(
      `urlPath ${JSON.stringify(value)} is not a valid page path: use letters, digits, "-" and "_" (one segment, no "/"), at most ${MAX_URL_PATH} characters.`,
    );
  }
  return path;
}

/** True for a url path a page can have: one segment of letters, digits, "-" and "_", at most MAX_URL_PATH long. */
export function isUrlPath(path: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(path) && path.length <= MAX_URL_PATH;
}
