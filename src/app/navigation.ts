import { ROOTS, type ElementPropsByKind } from "../protocol/index.ts";
import { pageHref, type RunPages } from "../runner/location.ts";
import type { RunContext } from "../runner/script-run.ts";

export { pageHref } from "../runner/location.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { isPage, type Page } from "./page.ts";

/** The pages of an app: a list, or lists under section headers (`""` for none). */
export type PageList = readonly Page[] | Readonly<Record<string, readonly Page[]>>;

/** Options of `st.navigation`. */
export interface NavigationOptions {
  /** Where the menu goes: the sidebar (default), across the top, or nowhere (`hidden`: switch with `st.pageLink` or `st.switchPage`). */
  position?: "sidebar" | "top" | "hidden";
}

const POSITIONS = new Set(["sidebar", "top", "hidden"]);

/**
 * Registers the app's pages for this run, draws the menu, and returns the
 * page the URL names: `/` is the default page, `/settings` the page with url
 * path `settings`. An unknown path shows the default page with a notice, and
 * the browser's URL becomes `/`.
 */
export function navigate(run: RunContext, pages: PageList, options: NavigationOptions = {}): Page {
  const location = run.location;
  if (location.pages)
    throw new EdgelitApiError(
      "st.navigation can be called once per run: call it in the app's main script, not in a page.",
    );
  const position = options.position ?? "sidebar";
  if (!POSITIONS.has(position))
    throw new EdgelitApiError(
      `st.navigation's position must be "sidebar", "top" or "hidden"; got ${JSON.stringify(position)}.`,
    );
  const sections = toSections(pages);
  const registered = register(sections);
  const byUrlPath = new Map(registered.map((entry) => [entry.urlPath, entry]));

  let chosen = registered.find((entry) => entry.isDefault) ?? registered[0]!;
  const defaultPage = chosen;
  const requested = location.path;
  if (requested !== "/") {
    const named = byUrlPath.get(location.decodedPath()?.slice(1) ?? "");
    if (named) chosen = named;
    else notFound(run, requested, defaultPage);
    // The default page lives at "/", whatever path named it.
    if (chosen === defaultPage) location.path = "/";
  }
  const runPages: RunPages = { byUrlPath, defaultPage, chosen };
  location.pages = runPages;

  const props: ElementPropsByKind["navigation"] = {
    position,
    sections: sections.map(({ header, pages: list }) => ({
      ...(header && { header }),
      pages: list.map((entry) => ({
        title: entry.title,
        ...(entry.icon !== undefined && { icon: entry.icon }),
        href: pageHref(entry, runPages),
      })),
    })),
    current: pageHref(chosen, runPages),
    title: chosen.title,
  };
  // The shown page's own options: the tab's icon, its layout and the sidebar's first state.
  if (chosen.icon !== undefined) props.icon = chosen.icon;
  if (chosen.layout !== undefined) props.layout = chosen.layout;
  if (chosen.initialSidebarState !== undefined)
    props.initialSidebarState = chosen.initialSidebarState;
  run.emit([position === "sidebar" ? ROOTS.sidebar : ROOTS.main], "navigation", props);
  return chosen;
}

function toSections(pages: PageList): { header: string; pages: Page[] }[] {
  if (Array.isArray(pages)) return [{ header: "", pages: [...pages] }];
  if (pages && typeof pages === "object") {
    return Object.entries(pages as Record<string, readonly Page[]>).map(([header, list]) => {
      if (!Array.isArray(list))
        throw new EdgelitApiError(
          `st.navigation's section "${header}" must be a list of pages made with page().`,
        );
      return { header, pages: [...list] };
    });
  }
  throw new EdgelitApiError(
    "st.navigation expects a list of pages made with page(), or an object of such lists by section.",
  );
}

/** Every page once, with unique url paths and at most one default. */
function register(sections: { header: string; pages: Page[] }[]): Page[] {
  const all = sections.flatMap((section) => section.pages);
  if (all.length === 0) throw new EdgelitApiError("st.navigation needs at least one page.");
  const seen = new Map<string, Page>();
  for (const entry of all) {
    if (!isPage(entry))
      throw new EdgelitApiError(
        `st.navigation takes pages made with page(); got ${describe(entry)}.`,
      );
    const other = seen.get(entry.urlPath);
    if (other) {
      throw new EdgelitApiError(
        other === entry
          ? `The page "${entry.title}" is given to st.navigation twice.`
          : `The pages "${other.title}" and "${entry.title}" have the same url path "${entry.urlPath}": give one a different urlPath.`,
      );
    }
    seen.set(entry.urlPath, entry);
  }
  const defaults = all.filter((entry) => entry.isDefault);
  if (defaults.length > 1)
    throw new EdgelitApiError(
      `Only one page can be the default; ${defaults.map((entry) => `"${entry.title}"`).join(" and ")} both are.`,
    );
  return all;
}

/** Streamlit's "Page not found": the default page shows instead, under a notice. */
function notFound(run: RunContext, requested: string, shown: Page): void {
  const path = requested.replace(/`/g, "").slice(0, 120);
  run.emit([ROOTS.main], "alert", {
    level: "warning",
    icon: "🧭",
    body: `**Page not found.** This app has no page at \`${path}\`; showing ${escapeMarkdown(shown.title)} instead.`,
  });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#]/g, (character) => `\\${character}`);
}

function describe(value: unknown): string {
  if (typeof value === "function") return "a function (wrap it: page(fn, { title }))";
  return value === null ? "null" : typeof value;
}
