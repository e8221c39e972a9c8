/** A page of a multipage app as the runner and page links know it (src/app/pages defines the rest). */
export interface RoutedPage {
  readonly title: string;
  readonly icon: string | undefined;
  /** Where the page lives: `settings` for `/settings`. The default page is also served at `/`. */
  readonly urlPath: string;
  /** Asked to be the page shown at `/`. */
  readonly isDefault: boolean;
}

/**
 * Where a page made with page() keeps its function. The CLI imports an app in
 * a module graph of its own (so it can reload it): the page() an app calls and
 * the runner may be different copies of edgelit. Registered symbols are the same in both.
 */
export const PAGE_SCRIPT: unique symbol = Symbol.for("edgelit.page.script") as never;

/** True for a page made with page(). */
export function isRoutedPage(value: unknown): value is RoutedPage {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Record<symbol, unknown>)[PAGE_SCRIPT] === "function"
  );
}

/** Where a page lives: `/` for the default page, else `/<urlPath>`. */
export function pageHref(target: RoutedPage, pages: RunPages | undefined): string {
  const isDefault = pages ? pages.defaultPage === target : target.isDefault;
  return isDefault ? "/" : `/${target.urlPath}`;
}

/** The pages `st.navigation` registered in this run, and the one it chose. */
export interface RunPages<Page extends RoutedPage = RoutedPage> {
  /** Every page, by its url path. */
  byUrlPath: Map<string, Page>;
  /** The page shown at `/`. */
  defaultPage: Page;
  /** The page this run shows. */
  chosen: Page;
}

/**
 * The page's URL as one event sees it: the path picks the page of a
 * multipage app and the query is `st.queryParams`. A run changes it (a page
 * switch, a query param written) and the browser is told the result once the
 * run is saved. It outlives `st.rerun()`, as the browser's URL would.
 */
export class RunLocation {
  /** Normalized: `/`, or `/a/b` without a trailing slash. */
  path: string;
  readonly query: URLSearchParams;
  /** `push` once the run switched pages: the browser adds a history entry rather than replacing it. */
  history: "push" | "replace" = "replace";
  /** Set by `st.navigation`; cleared when the script starts over. */
  pages: RunPages | undefined;
  /** The url path of the page whose function runs now: widgets drawn there belong to it. */
  runningPage: string | undefined;

  constructor(url: string) {
    const queryStart = url.indexOf("?");
    const path = queryStart === -1 ? url : url.slice(0, queryStart);
    this.path = normalizePath(path.split("#")[0] ?? "");
    // URLSearchParams never throws: a malformed escape is kept as it came.
    this.query = new URLSearchParams(
      queryStart === -1 ? "" : url.slice(queryStart + 1).split("#")[0],
    );
  }

  /** The path and query, as the browser should show them. */
  toUrl(): string {
    const query = this.query.toString();
    return query ? `${this.path}?${query}` : this.path;
  }

  /** The script starts over (`st.rerun()`, a page switch): the URL stays, the pages are registered again. */
  restart(): void {
    this.pages = undefined;
    this.runningPage = undefined;
  }

  /** The path's segments decoded (`/caf%C3%A9` is `café`); undefined when an escape is malformed. */
  decodedPath(): string | undefined {
    try {
      return decodeURIComponent(this.path);
    } catch {
      return undefined;
    }
  }
}

/** One leading slash, no repeated or trailing ones: `//a//b/` is `/a/b`. */
function normalizePath(path: string): string {
  const segments = path.split("/").filter((segment) => segment !== "");
  return `/${segments.join("/")}`;
}
