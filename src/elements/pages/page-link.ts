import {
  isRoutedPage as isPage,
  pageHref,
  type RoutedPage as Page,
} from "../../runner/location.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { checkIcon, iconProp } from "../icons/icon-option.ts";

/** Options of `pageLink`. */
export interface PageLinkOptions {
  /** The link's text. Default: the page's title (required for a URL). */
  label?: string;
  /** One emoji, or a Material icon as ":material/icon_name:", before the label. Default: the page's icon. */
  icon?: string;
  /** A tooltip. */
  help?: string;
  /** Grey the link out; it cannot be followed. */
  disabled?: boolean;
}

/** Schemes a link may leave the app to; anything else (javascript:, data:) is refused. */
const EXTERNAL = /^(https?:\/\/|mailto:|tel:)/i;

/** Links to the app's pages and to other sites. */
export const pageMethods = {
  /**
   * A link to a page of the app, switched in the page like the menu's (one
   * event, no page load), or to another site (http(s), mailto:, tel:), which
   * opens in a new tab. A page given by path (`"/settings"`) needs a label.
   * @example
   * st.pageLink(settings, { icon: ":material/settings:" });
   * st.pageLink("https://docs.streamlit.io", { label: "Streamlit docs" });
   */
  pageLink(this: Drawable, target: Page | string, options: PageLinkOptions = {}): ElementHandle {
    const draw = this[TARGET];
    const common = {
      ...(options.help !== undefined && { help: String(options.help) }),
      ...(options.disabled && { disabled: true }),
    };
    if (isPage(target)) {
      const icon = checkIcon("st.pageLink", options.icon) ?? target.icon;
      return drawElement(draw, "pageLink", {
        href: pageHref(target, draw.run.location.pages),
        label: String(options.label ?? target.title),
        ...(icon !== undefined && { icon }),
        ...common,
      });
    }
    if (typeof target !== "string")
      throw new EdgelitApiError(
        'st.pageLink expects a page made with page(), a page path ("/settings") or a URL.',
      );
    if (options.label === undefined || String(options.label).trim() === "") {
      throw new EdgelitApiError(
        `st.pageLink("${target}") needs a label: st.pageLink("${target}", { label: "..." }).`,
      );
    }
    const external = EXTERNAL.test(target);
    if (!external && !target.startsWith("/")) {
      throw new EdgelitApiError(
        `st.pageLink: "${target}" is neither a page path (starting with "/") nor an http(s), mailto: or tel: URL.`,
      );
    }
    if (!external && leavesTheSite(target))
      throw new EdgelitApiError(
        `st.pageLink: "${target}" is not a page path; write other sites' URLs in full (https://...).`,
      );
    return drawElement(draw, "pageLink", {
      href: target,
      label: String(options.label),
      ...iconProp("st.pageLink", options.icon),
      ...(external && { external: true }),
      ...common,
    });
  },
};

/**
 * True for a path a browser resolves to another site: "//host", and the
 * forms it reads the same way ("/\\host", "/\t/host"), as an href parses.
 */
function leavesTheSite(path: string): boolean {
  try {
    return new URL(path, "http://page.invalid/").host !== "page.invalid";
  } catch {
    return true; // "//a b": a host no URL can have
  }
}
