import { TARGET, type Drawable } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";
import type { BadgeColor } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { iconProp } from "../icons/icon-option.ts";
import { withHelp } from "./text.ts";

/** Options of `badge`. */
export interface BadgeOptions {
  /** One emoji or a Material icon (`":material/check:"`) before the label. */
  icon?: string;
  /** "blue" (default), "green", "orange", "red", "violet", "gray" (or "grey"), or "primary". */
  color?: BadgeColor | "grey";
}

const BADGE_COLORS: ReadonlySet<string> = new Set<BadgeColor>([
  "blue",
  "green",
  "orange",
  "red",
  "violet",
  "gray",
  "primary",
]);

/** Formulas, raw HTML and badges. */
export const richTextMethods = {
  /**
   * A TeX formula, typeset by KaTeX (which the page loads only when it shows one).
   * @example st.latex(String.raw`a + ar + ar^2 = \sum_{k=0}^{2} ar^k`)
   */
  latex(this: Drawable, body: string, options: { help?: string } = {}): ElementHandle {
    return drawElement(
      this[TARGET],
      "latex",
      withHelp<{ body: string; help?: string }>({ body: String(body) }, options.help),
    );
  },
  /**
   * HTML in the page. The browser sanitizes it first: scripts, event handlers
   * and javascript: URLs are removed, so it cannot run code.
   * @example st.html("<p style='color: teal'>Hello <b>there</b></p>")
   */
  html(this: Drawable, body: string): ElementHandle {
    return drawElement(this[TARGET], "html", { body: String(body) });
  },
  /**
   * A small coloured pill with a label (bold, italics, strikethrough and code allowed).
   * @example st.badge("New", { color: "green", icon: ":material/star:" })
   */
  badge(this: Drawable, label: string, options: BadgeOptions = {}): ElementHandle {
    const color = options.color === "grey" ? "gray" : (options.color ?? "blue");
    if (!BADGE_COLORS.has(color)) {
      throw new EdgelitApiError(
        `st.badge: color must be one of ${[...BADGE_COLORS, "grey"].join(", ")}; got ${JSON.stringify(options.color)}.`,
      );
    }
    return drawElement(this[TARGET], "badge", {
      label: String(label),
      color,
      ...iconProp("st.badge", options.icon),
    });
  },
};
