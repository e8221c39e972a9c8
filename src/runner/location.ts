import type { Page } from "../app/pages/page.ts";

/** The pages `st.navigation` registered in this run, and the one it chose. */
export interface RunPages {
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
    this.query = new URLSearchParams(queryStart === -1 ? "" : url.slice(queryStart + 1).split("#")[0]);
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
