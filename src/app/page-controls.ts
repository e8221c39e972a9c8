import type { RunPages } from "../runner/location.ts";
import type { RunContext } from "../runner/script-run.ts";
import { RerunSignal } from "../runner/signals.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { createQueryParams, type QueryParamValue, type QueryParams } from "./query-params.ts";
import { navigate, pageHref, type NavigationOptions, type PageList } from "./navigation.ts";
import { RUN_PAGE, isPage, isUrlPath, scriptOf, type Page } from "./page.ts";
import type { St } from "./st.ts";
import { setPageConfig, type PageConfigOptions } from "./page-config.ts";
import { TARGET, type Drawable } from "../elements/core/target.ts";

/** Options of `st.switchPage`. */
export interface SwitchPageOptions {
  /** The query params of the new page's URL. Default: none (as a menu link, switching drops the query). */
  queryParams?: Readonly<Record<string, QueryParamValue | readonly QueryParamValue[]>>;
}

/** What `st` offers for multipage apps and the URL. */
export interface PageControls {
  /**
   * Declares the app's pages and returns the one the URL names (`/` is the
   * default page, `/settings` the page whose url path is `settings`); run it
   * with `await current.run(st)`. The menu shows in the sidebar (or across
   * the top, or nowhere with `position: "hidden"`); its links switch pages
   * with one event and no page load, and back and forward work. An unknown
   * path shows the default page with a notice.
   *
   * Leaving a page forgets its widgets' values, except those with a `key`:
   * keyed widgets keep their value (and `st.session[key]`) while the user is
   * on other pages, and show it again on return.
   *
   * @example
   * const home = page(homePage, { title: "Home", icon: "🏠" });
   * const settings = page(settingsPage, { title: "Settings" });
   * export default defineApp(async (st) => {
   *   const current = st.navigation({ "": [home], Admin: [settings] });
   *   await current.run(st);
   * });
   */
  navigation(pages: PageList, options?: NavigationOptions): Page;
  /**
   * Ends this run and runs the app again on another page; the browser's URL
   * changes to it (a new history entry). Takes a page, or its path (`"/settings"`).
   * @example if (st.button("Log in")) st.switchPage(dashboard);
   */
  switchPage(target: Page | string, options?: SwitchPageOptions): never;
  /**
   * The URL's query params, read and written like Streamlit's `st.query_params`.
   * @example
   * const q = st.queryParams.q ?? "";
   * st.queryParams.q = st.textInput("Search", { value: q });
   */
  readonly queryParams: QueryParams;
  /**
   * Sets this page view's tab title, tab icon, layout and first sidebar
   * state, like Streamlit's `st.set_page_config`: call it anywhere in the
   * script, as often as you like; each option given wins over earlier calls,
   * the page's options and the app's. A run that no longer calls it leaves
   * the page to the app's and the page's options.
   * @example st.setPageConfig({ pageTitle: "Sales", pageIcon: "📈", layout: "wide" });
   */
  setPageConfig(options: PageConfigOptions): void;
}

/** The run an `st` draws into (its main area's target). */
type WithRun = Drawable & { [QUERY_PARAMS]?: QueryParams };

/** Where an `st` keeps its query params once the app first reads them. */
const QUERY_PARAMS: unique symbol = Symbol("edgelit.queryParams");

/**
 * The page controls, once for every `st`: on `st`'s prototype, reading the run
 * from the handle, so a run that never uses them pays nothing for them.
 */
export const pageControlMethods = {
  navigation(this: WithRun, pages: PageList, options?: NavigationOptions): Page {
    return navigate(this[TARGET].run, pages, options);
  },
  switchPage(this: WithRun, target: Page | string, options: SwitchPageOptions = {}): never {
    const run = this[TARGET].run;
    const location = run.location;
    const path = switchTarget(run, target);
    // The query first: fromObject refuses bad values before it changes anything, so a refused switch leaves the URL as it was.
    createQueryParams(() => location).fromObject(options.queryParams ?? {});
    location.path = path;
    location.history = "push";
    throw new RerunSignal();
  },
  setPageConfig(this: WithRun, options: PageConfigOptions): void {
    const target = this[TARGET];
    setPageConfig(target.run, target.path, options);
  },
  get queryParams(): QueryParams {
    const self = this as unknown as WithRun;
    return (self[QUERY_PARAMS] ??= createQueryParams(() => self[TARGET].run.location));
  },
  async [RUN_PAGE](this: WithRun, target: Page, st: St): Promise<void> {
    const location = this[TARGET].run.location;
    if (location.pages?.chosen !== target) {
      throw new EdgelitApiError(
        `"${target.title}" is not the page st.navigation chose in this run: run the page it returned.`,
      );
    }
    const outer = location.runningPage;
    location.runningPage = target.urlPath;
    try {
      await scriptOf(target)(st);
    } finally {
      location.runningPage = outer;
    }
  },
};

/** The path a switch goes to: a page's, or a page path the app's pages include. */
function switchTarget(run: RunContext, target: Page | string): string {
  const pages = run.location.pages;
  if (isPage(target)) {
    if (pages && pages.byUrlPath.get(target.urlPath) !== target) {
      throw new EdgelitApiError(
        `st.switchPage: "${target.title}" is not one of the pages given to st.navigation.`,
      );
    }
    return pageHref(target, pages);
  }
  if (typeof target !== "string")
    throw new EdgelitApiError(
      'st.switchPage expects a page made with page(), or its path ("/settings").',
    );
  const urlPath = target.replace(/^\/+|\/+$/g, "");
  if (urlPath === "") return "/";
  if (!isUrlPath(urlPath)) {
    throw new EdgelitApiError(
      `st.switchPage: "${target}" is not a page path (one segment of letters, digits, "-" and "_"); give query params as { queryParams }.`,
    );
  }
  // Before st.navigation has run (in a callback), the page is checked on the next run.
  if (!pages) return `/${urlPath}`;
  const found = pages.byUrlPath.get(urlPath);
  if (!found) {
    const known = [...pages.byUrlPath.keys()].map((path) => `"/${path}"`).join(", ");
    throw new EdgelitApiError(
      `st.switchPage: this app has no page at "${target}". Its pages are at "/", ${known}.`,
    );
  }
  return pageHref(found, pages as RunPages<Page>);
}
