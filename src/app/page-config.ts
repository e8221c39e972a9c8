import {
  PAGE_LAYOUTS,
  SIDEBAR_STATES,
  isImageUrl,
  type ElementPath,
  type PageConfigLayer,
  type PageLayout,
  type SidebarState,
} from "../protocol/index.ts";
import type { RunContext } from "../runner/script-run.ts";
import { checkIcon } from "../elements/icons/icon-option.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/** Options of `st.setPageConfig`; each one given replaces what the app's or the page's options set. */
export interface PageConfigOptions {
  /** The browser tab's title, as it is (not joined to the app's title). */
  pageTitle?: string;
  /** The tab's icon: one emoji, ":material/icon_name:", or an image URL (https://…, or a path on this site). */
  pageIcon?: string;
  /** "centered" (the default) keeps the main column at most 736 px wide; "wide" uses the window's width. */
  layout?: PageLayout;
  /** "auto" (the default) starts the sidebar expanded on wide screens and collapsed below 768 px. */
  initialSidebarState?: SidebarState;
}

/** The longest icon URL taken. */
const MAX_ICON_URL = 2048;

/**
 * Checks page options (of `defineApp`, `page()` or `st.setPageConfig`) and
 * returns the set ones as a layer; a bad value throws an EdgelitApiError
 * naming the command and the option.
 *
 * @example checkPageLayer("defineApp", { layout: "wide" }, { layout: "layout" }) // { layout: "wide" }
 */
export function checkPageLayer(
  command: string,
  options: PageConfigLayer,
  names: Partial<Record<keyof PageConfigLayer, string>> = {},
): PageConfigLayer {
  const layer: PageConfigLayer = {};
  const name = (field: keyof PageConfigLayer) => names[field] ?? field;
  if (options.title !== undefined) {
    if (typeof options.title !== "string")
      throw new EdgelitApiError(
        `${command}: ${name("title")} must be a string; got ${describe(options.title)}.`,
      );
    layer.title = options.title;
  }
  if (options.icon !== undefined)
    layer.icon = checkPageIcon(`${command}'s ${name("icon")}`, options.icon);
  if (options.layout !== undefined)
    layer.layout = oneOf(command, name("layout"), options.layout, PAGE_LAYOUTS);
  if (options.initialSidebarState !== undefined)
    layer.initialSidebarState = oneOf(
      command,
      name("initialSidebarState"),
      options.initialSidebarState,
      SIDEBAR_STATES,
    );
  return layer;
}

/** A tab icon: an emoji or a Material icon (as every icon option), or an image URL. */
function checkPageIcon(what: string, icon: unknown): string {
  if (typeof icon === "string" && isImageUrl(icon)) {
    if (icon.length > MAX_ICON_URL || /[\s"'<>\\]/.test(icon))
      throw new EdgelitApiError(
        `${what}: an image URL must be at most ${MAX_ICON_URL} characters, without spaces, quotes or angle brackets.`,
      );
    if (/^data:/i.test(icon) && !/^data:image\/(png|gif|jpeg|webp|svg\+xml|x-icon)[;,]/i.test(icon))
      throw new EdgelitApiError(
        `${what}: a data: URL must be a PNG, GIF, JPEG, WebP, SVG or ICO image.`,
      );
    return icon;
  }
  try {
    return checkIcon(what, icon)!;
  } catch {
    throw new EdgelitApiError(
      `${what} must be one emoji, ":material/icon_name:", or an image URL (https://… or a path such as /favicon.png); got ${describe(icon)}.`,
    );
  }
}

/** Where a run keeps its page config element and what its calls set so far. */
const runConfigs = new WeakMap<RunContext, { path: ElementPath; layer: PageConfigLayer }>();

/**
 * `st.setPageConfig` in one run: checks the options, merges them over the
 * run's earlier calls, and draws (or redraws in place) the one `pageConfig`
 * element that carries them to the page.
 */
export function setPageConfig(
  run: RunContext,
  parent: ElementPath,
  options: PageConfigOptions,
): void {
  if (options === null || typeof options !== "object")
    throw new EdgelitApiError(
      'st.setPageConfig takes an object: st.setPageConfig({ pageTitle: "Sales", layout: "wide" }).',
    );
  for (const key of Object.keys(options))
    if (!OPTION_NAMES.has(key))
      throw new EdgelitApiError(
        `st.setPageConfig has no option "${key}"; it takes pageTitle, pageIcon, layout and initialSidebarState.`,
      );
  const layer = checkPageLayer(
    "st.setPageConfig",
    {
      title: options.pageTitle,
      icon: options.pageIcon,
      layout: options.layout,
      initialSidebarState: options.initialSidebarState,
    },
    { title: "pageTitle", icon: "pageIcon" },
  );
  const earlier = runConfigs.get(run);
  if (!earlier) {
    runConfigs.set(run, { path: run.emit(parent, "pageConfig", layer), layer });
    return;
  }
  const merged = Object.assign({}, earlier.layer, layer);
  earlier.layer = merged;
  run.replace(earlier.path, "pageConfig", merged);
}

const OPTION_NAMES = new Set(["pageTitle", "pageIcon", "layout", "initialSidebarState"]);

// --- Internal helpers ---

function oneOf<T extends string>(
  command: string,
  option: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (allowed.includes(value as T)) return value as T;
  throw new EdgelitApiError(
    `${command}: ${option} must be ${allowed
      .map((one) => `"${one}"`)
      .join(", ")
      .replace(/, ([^,]*)$/, " or $1")}; got ${describe(value)}.`,
  );
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}
