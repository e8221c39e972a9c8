import { EdgelitApiError } from "../errors/api-error.ts";
import {
  isCssColor,
  isCssLength,
  isFontFamilyList,
  isFontFamilyName,
  isFontUrl,
  isFontWeight,
} from "./css-values.ts";

/** A font: one of the three generic looks, or any CSS font-family list such as `"Inter", sans-serif`. */
export type ThemeFont = "sans-serif" | "serif" | "monospace" | (string & {});

/** A font file the page loads, so a theme font can name it (an `@font-face` rule). */
export interface ThemeFontFace {
  /** The name the fonts refer to, e.g. "Inter". */
  family: string;
  /** Where the file is: https://..., a path on this site, or a `data:font/woff2;base64,...` URL. */
  url: string;
  /** A weight (400, "bold") or, for a variable font, a range such as "100 900". */
  weight?: number | string;
  style?: "normal" | "italic" | "oblique";
}

/**
 * The app's look, like Streamlit's `[theme]` config. Without `base`, the page
 * follows the system's light or dark setting; a reader can still pick Light or
 * Dark in the page's "⋮" menu.
 *
 * `backgroundColor`, `secondaryBackgroundColor` and `textColor` colour the
 * `base` scheme (light when `base` is omitted); the other scheme keeps
 * edgelit's colours. `primaryColor`, fonts and `baseRadius` apply to both.
 *
 * @example
 * export default defineApp((st) => st.button("Go", { type: "primary" }), {
 *   theme: { primaryColor: "#7c3aed", font: "serif", baseRadius: "large" },
 * });
 */
export interface ThemeOptions {
  /** "light" or "dark" for a fixed scheme; omitted, the page follows the system. */
  base?: "light" | "dark";
  /** Buttons, sliders, links' accents, focus rings (any CSS colour). */
  primaryColor?: string;
  /** The page's background. */
  backgroundColor?: string;
  /** The sidebar, inputs and code blocks. */
  secondaryBackgroundColor?: string;
  textColor?: string;
  /** The body text's font. */
  font?: ThemeFont;
  /** Titles and headers; defaults to `font`. */
  headingFont?: ThemeFont;
  /** Code, `st.text` and `st.json`. */
  codeFont?: ThemeFont;
  /** Corner rounding: "none", "small", "medium" (default), "large", "full", or a length like "6px". */
  baseRadius?: "none" | "small" | "medium" | "large" | "full" | (string & {});
  /** Font files to load, for fonts the reader's system may not have. */
  fontFaces?: ThemeFontFace[];
}

const COLOR_KEYS = [
  "primaryColor",
  "backgroundColor",
  "secondaryBackgroundColor",
  "textColor",
] as const;
const FONT_KEYS = ["font", "headingFont", "codeFont"] as const;
const THEME_KEYS = new Set<string>([
  "base",
  ...COLOR_KEYS,
  ...FONT_KEYS,
  "baseRadius",
  "fontFaces",
]);
/** Streamlit's radius names. */
export const RADIUS_NAMES: Record<string, string> = {
  none: "0",
  small: "0.35rem",
  medium: "0.5rem",
  large: "1rem",
  full: "1.4rem",
};

/**
 * Checks a theme at defineApp time and returns it; anything that is not a
 * plain CSS value (and so could break out into the page's CSS) is refused.
 */
export function validateTheme(theme: unknown): ThemeOptions {
  if (typeof theme !== "object" || theme === null || Array.isArray(theme))
    fail('theme must be an object, e.g. { primaryColor: "#7c3aed" }.');
  const options = theme as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if (!THEME_KEYS.has(key))
      fail(`theme has no option "${key}"; the options are ${[...THEME_KEYS].join(", ")}.`);
  }
  if (options.base !== undefined && options.base !== "light" && options.base !== "dark") {
    fail(
      `theme.base must be "light" or "dark" (or omitted, to follow the system); got ${show(options.base)}.`,
    );
  }
  for (const key of COLOR_KEYS) {
    const value = options[key];
    if (value !== undefined && (typeof value !== "string" || !isCssColor(value))) {
      fail(
        `theme.${key} must be a CSS colour (#rrggbb, rgb(), hsl() or a colour name); got ${show(value)}.`,
      );
    }
  }
  for (const key of FONT_KEYS) {
    const value = options[key];
    if (value !== undefined && (typeof value !== "string" || !isFontFamilyList(value))) {
      fail(
        `theme.${key} must be "sans-serif", "serif", "monospace" or a CSS font-family list like '"Inter", sans-serif'; got ${show(value)}.`,
      );
    }
  }
  const radius = options.baseRadius;
  if (
    radius !== undefined &&
    (typeof radius !== "string" || !(Object.hasOwn(RADIUS_NAMES, radius) || isCssLength(radius)))
  ) {
    fail(
      `theme.baseRadius must be "none", "small", "medium", "large", "full" or a length like "6px" or "0.5rem"; got ${show(radius)}.`,
    );
  }
  if (options.fontFaces !== undefined) {
    if (!Array.isArray(options.fontFaces))
      fail("theme.fontFaces must be an array of { family, url, weight?, style? }.");
    options.fontFaces.forEach(validateFontFace);
  }
  return options as ThemeOptions;
}

function validateFontFace(face: unknown, index: number): void {
  const where = `theme.fontFaces[${index}]`;
  if (typeof face !== "object" || face === null)
    fail(`${where} must be an object { family, url, weight?, style? }.`);
  const { family, url, weight, style } = face as Record<string, unknown>;
  if (typeof family !== "string" || !isFontFamilyName(family)) {
    fail(
      `${where}.family must be a font name of letters, digits, spaces, "-" and "_"; got ${show(family)}.`,
    );
  }
  if (typeof url !== "string" || !isFontUrl(url)) {
    fail(
      `${where}.url must be an https:// or site path URL (no quotes, brackets, spaces or ";"), or a data:font/...;base64 URL; got ${show(url)}.`,
    );
  }
  if (
    weight !== undefined &&
    ((typeof weight !== "string" && typeof weight !== "number") || !isFontWeight(weight))
  ) {
    fail(
      `${where}.weight must be 1 to 1000, "normal", "bold" or a range like "100 900"; got ${show(weight)}.`,
    );
  }
  if (style !== undefined && style !== "normal" && style !== "italic" && style !== "oblique") {
    fail(`${where}.style must be "normal", "italic" or "oblique"; got ${show(style)}.`);
  }
}

function fail(message: string): never {
  throw new EdgelitApiError(message);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
