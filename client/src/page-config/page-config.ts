import { createEffect, createMemo, createRoot, createSignal, type Accessor } from "solid-js";
import {
  faviconHref,
  resolvePageConfig,
  type PageConfigLayer,
  type ResolvedPageConfig,
  type SidebarState,
} from "../../../src/protocol/index.ts";

/**
 * The page's configuration in the browser: the app's layer (from the first
 * HTML), the shown page's (from the pages menu) and the script's (from
 * `st.setPageConfig`), resolved into the tab's title and icon, the layout
 * (`html[data-layout]`) and the sidebar's first state.
 */

/** Reads a layer from its element's current props (a tree update replaces the props object). */
type LayerReader = () => PageConfigLayer;

const [pageLayer, setPageLayer] = createSignal<LayerReader | undefined>();
const [scriptLayer, setScriptLayer] = createSignal<LayerReader | undefined>();
let resolved: Accessor<ResolvedPageConfig> | undefined;

/**
 * Starts applying the page config, from the app's options the server put in
 * the page. Call once, before the first render.
 *
 * @example startPageConfig({ title: config.title, icon: config.icon, layout: config.layout });
 */
export function startPageConfig(app: PageConfigLayer): void {
  createRoot(() => {
    const config = createMemo(() =>
      resolvePageConfig({ app, page: pageLayer()?.(), script: scriptLayer()?.() }),
    );
    resolved = config;
    createEffect(() => (document.title = config().title));
    createEffect(() => (document.documentElement.dataset.layout = config().layout));
    createEffect(() => showFavicon(config().icon));
  });
}

/** The sidebar's first state as the page config says now ("auto" before it starts). */
export function initialSidebarState(): SidebarState {
  return resolved?.().initialSidebarState ?? "auto";
}

/**
 * Puts a layer in force while its element is on the page: the page's
 * (`"page"`, from the menu) or the script's (`"script"`). Returns the
 * function that withdraws it, unless another layer replaced it meanwhile.
 *
 * @example onCleanup(showLayer("script", () => props.el));
 */
export function showLayer(which: "page" | "script", read: LayerReader): () => void {
  const set = which === "page" ? setPageLayer : setScriptLayer;
  const current = which === "page" ? pageLayer : scriptLayer;
  set(() => read);
  return () => {
    if (current() === read) set(undefined);
  };
}

// --- Internal helpers ---

const MATERIAL_ICON = /^:material\/([a-z0-9_]+):$/;
/** What the tab shows without an icon: nothing (and no request for /favicon.ico). */
const NO_ICON = "data:,";

function showFavicon(icon: string | undefined): void {
  const material = MATERIAL_ICON.exec(icon ?? "")?.[1];
  if (material === undefined) return setFavicon(faviconHref(icon) ?? NO_ICON);
  // Drawn from the icon font, which only loads (with this code) when a page asks for it.
  void import("./material-favicon.ts")
    .then((module) => module.materialFavicon(material))
    .then((href) => resolved?.().icon === icon && setFavicon(href))
    .catch(() => {});
}

function setFavicon(href: string): void {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement("link");
    link.rel = "icon";
    document.head.append(link);
  }
  if (link.getAttribute("href") !== href) link.setAttribute("href", href);
}
