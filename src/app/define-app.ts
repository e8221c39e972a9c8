import type { St } from "./st.ts";
import { validateTheme, type ThemeOptions } from "./theme.ts";
import { checkPageLayer } from "./page-config.ts";
import type { PageLayout, SidebarState } from "../protocol/index.ts";

/**
 * The body of an app: called with `st` on every run, and awaited. What it
 * returns is ignored, so `(st) => st.title("Hi")` (which returns the title's
 * handle) is an app too.
 */
export type AppScript = (st: St) => unknown;

/** Options of {@link defineApp}. */
export interface AppOptions {
  /** The browser tab's title (a page of a multipage app shows "Page · Title"). */
  title?: string;
  /**
   * The tab's icon (favicon): one emoji, ":material/icon_name:", or an image
   * URL (https://…, or a path on this site). It is in the first HTML.
   */
  icon?: string;
  /** "centered" (the default): the main column is at most 736 px wide; "wide": it uses the window. */
  layout?: PageLayout;
  /** "auto" (the default): the sidebar starts expanded on wide screens and collapsed below 768 px. */
  initialSidebarState?: SidebarState;
  /**
   * Colours, fonts and corner rounding, like Streamlit's `[theme]` config;
   * checked here, so a bad value fails at startup. Without `base` the page
   * follows the system's light or dark setting. See {@link ThemeOptions}.
   *
   * @example
   * defineApp(script, { theme: { base: "dark", primaryColor: "#00c2a8", font: "serif" } });
   */
  theme?: ThemeOptions;
}

/** An app, as `defineApp` returns it: what servers, the CLI and the test harness run. */
export interface AppDefinition {
  readonly script: AppScript;
  readonly options: AppOptions;
  readonly [APP_BRAND]: true;
}

declare const APP_BRAND: unique symbol;

/**
 * Defines an edgelit app. Export it as the module's default export; the
 * script reruns from the top on every user event.
 *
 * @example
 * export default defineApp((st) => {
 *   st.title("Hello");
 *   if (st.button("Click me")) st.write("Clicked!");
 * });
 *
 * @example
 * // With a title, a tab icon, the wide layout and a theme
 * export default defineApp((st) => st.title("Themed"), {
 *   title: "My app",
 *   icon: "📈",
 *   layout: "wide",
 *   theme: { primaryColor: "#7c3aed", backgroundColor: "#fdfbff", font: "serif", baseRadius: "large" },
 * });
 */
export function defineApp(script: AppScript, options: AppOptions = {}): AppDefinition {
  if (typeof script !== "function")
    throw new TypeError("defineApp expects a function (st) => { ... }");
  if (options.theme !== undefined) validateTheme(options.theme);
  checkPageLayer("defineApp", options);
  return { script, options } as AppDefinition;
}

/** True for a value `defineApp` made, or a bare script function. */
export function toAppDefinition(value: unknown): AppDefinition | undefined {
  if (typeof value === "function") return defineApp(value as AppScript);
  if (value && typeof value === "object" && typeof (value as AppDefinition).script === "function")
    return value as AppDefinition;
  return undefined;
}
