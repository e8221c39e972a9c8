import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";
import type { ElementPropsByKind } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { toJsonValue } from "./to-json.ts";

/** Options of `markdown` and `caption`. */
export interface MarkdownOptions {
  /** Render raw HTML inside the markdown, sanitized (no scripts, event handlers or javascript: URLs). Off by default: HTML is shown as text. */
  unsafeAllowHtml?: boolean;
  /** A tooltip next to the text. */
  help?: string;
}

/** Options of `title`, `header` and `subheader`. */
export interface HeadingOptions {
  /** Draw a line under the heading. */
  divider?: boolean;
  /** A tooltip next to the heading. */
  help?: string;
}

/** Options of `code`. */
export interface CodeOptions {
  /** The language to highlight, e.g. "python", "ts", "sql"; "text" for none. Default "typescript". */
  language?: string;
  /** Number the lines in a gutter. */
  lineNumbers?: boolean;
  /** Wrap long lines instead of scrolling sideways. */
  wrapLines?: boolean;
  /** Height in pixels; longer code scrolls. Default: as tall as the code. */
  height?: number;
}

/** Options of `metric`. */
export interface MetricOptions {
  /** The change to show under the value; its sign picks the arrow. */
  delta?: number | string | null;
  /** "normal": up is green; "inverse": up is red; "off": grey. */
  deltaColor?: "normal" | "inverse" | "off";
  help?: string;
  border?: boolean;
}

/**
 * Text elements: headings, markdown, code, JSON and metrics. Each returns the
 * handle of the element it drew (see ElementHandle): `st.text("Loading…").text("Done")`.
 */
export const textMethods = {
  /** The page's title. @example st.title("Sales dashboard") */
  title(this: Drawable, body: string, options?: HeadingOptions): ElementHandle {
    return heading(this[TARGET], 1, body, options);
  },
  /** A section header. @example st.header("This quarter") */
  header(this: Drawable, body: string, options?: HeadingOptions): ElementHandle {
    return heading(this[TARGET], 2, body, options);
  },
  /** A sub-section header. @example st.subheader("By region") */
  subheader(this: Drawable, body: string, options?: HeadingOptions): ElementHandle {
    return heading(this[TARGET], 3, body, options);
  },
  /**
   * GitHub-flavoured markdown with Streamlit's additions: `:red[coloured text]` (blue, green,
   * orange, red, violet, gray/grey, rainbow, primary), `:red-background[highlight]`,
   * `:red-badge[badge]`, emoji shortcodes (`:smile:`, `:rocket:`, `:tada:`, … a table of ~150
   * common ones in client/src/rich/emoji.ts), Material icons (`:material/thumb_up:`), and
   * `$inline$` / `$$display$$` TeX math. Raw HTML is shown as text unless `unsafeAllowHtml`
   * is set; then it is sanitized in the browser.
   * @example st.markdown("**Bold**, :green[green] and $x^2$ :material/check:")
   */
  markdown(this: Drawable, body: string, options: MarkdownOptions = {}): ElementHandle {
    return drawElement(this[TARGET], "markdown", markdownProps(body, options));
  },
  /** Small, muted text for notes and footnotes (markdown). @example st.caption("Data as of today") */
  caption(this: Drawable, body: string, options: MarkdownOptions = {}): ElementHandle {
    return drawElement(this[TARGET], "caption", markdownProps(body, options));
  },
  /**
   * Plain text, whitespace kept, no markdown. Returns its handle, to replace it later.
   * @example
   * const status = st.text("Loading data…");
   * status.text(`Loaded ${(await load()).length} rows.`);
   */
  text(this: Drawable, body: string, options: { help?: string } = {}): ElementHandle {
    return drawElement(
      this[TARGET],
      "text",
      withHelp<{ body: string; help?: string }>({ body: String(body) }, options.help),
    );
  },
  /**
   * A block of code, highlighted for its language, with a copy button.
   * @example st.code("const x = 1;", { language: "ts", lineNumbers: true })
   */
  code(this: Drawable, body: string, options: CodeOptions = {}): ElementHandle {
    const height = options.height;
    if (height !== undefined && !(Number.isFinite(height) && height > 0)) {
      throw new EdgelitApiError(
        `st.code: height must be a positive number of pixels; got ${String(height)}.`,
      );
    }
    const props: ElementPropsByKind["code"] = {
      body: String(body),
      language: options.language ?? "typescript",
    };
    if (options.lineNumbers) props.lineNumbers = true;
    if (options.wrapLines) props.wrapLines = true;
    if (height !== undefined) props.height = height;
    return drawElement(this[TARGET], "code", props);
  },
  /** A horizontal rule. @example st.divider() */
  divider(this: Drawable): ElementHandle {
    return drawElement(this[TARGET], "divider", {});
  },
  /**
   * Pretty, collapsible JSON of any data (Map, Set, Date and BigInt are shown as JSON).
   * @example st.json({ rows: 3, ok: true })
   */
  json(this: Drawable, body: unknown, options: { expanded?: boolean } = {}): ElementHandle {
    return drawElement(this[TARGET], "json", {
      body: toJsonValue(body),
      expanded: options.expanded ?? true,
    });
  },
  /**
   * A big number with an optional change under it.
   * @example st.metric("Temperature", "21 °C", { delta: "1.2 °C" })
   */
  metric(
    this: Drawable,
    label: string,
    value: number | string | null,
    options: MetricOptions = {},
  ): ElementHandle {
    const delta = options.delta;
    const props: ElementPropsByKind["metric"] = {
      label: String(label),
      value: value === null ? "—" : String(value),
      deltaColor: options.deltaColor ?? "normal",
    };
    if (delta !== undefined && delta !== null) {
      props.delta = String(delta);
      props.deltaSign = signOf(delta);
    }
    if (options.help !== undefined) props.help = options.help;
    if (options.border) props.border = true;
    return drawElement(this[TARGET], "metric", props);
  },
};

// Props are built by assignment, not spread into literals: these run for most elements of
// every run, and on Node 20 a literal that spreads costs microseconds (see baseProps).
function heading(
  target: ElementTarget,
  level: 1 | 2 | 3,
  body: string,
  options: HeadingOptions = {},
): ElementHandle {
  const props: ElementPropsByKind["heading"] = { level, body: String(body) };
  if (options.divider) props.divider = true;
  return drawElement(target, "heading", withHelp(props, options.help));
}

function markdownProps(
  body: string,
  options: MarkdownOptions,
): { body: string; allowHtml?: boolean; help?: string } {
  const props: { body: string; allowHtml?: boolean; help?: string } = { body: String(body) };
  if (options.unsafeAllowHtml) props.allowHtml = true;
  return withHelp(props, options.help);
}

/** `props` with its tooltip set, when there is one to show. */
export function withHelp<P extends { help?: string }>(props: P, help: string | undefined): P {
  if (help !== undefined && help !== "") props.help = String(help);
  return props;
}

function signOf(delta: number | string): "up" | "down" | "none" {
  if (typeof delta === "number") return delta > 0 ? "up" : delta < 0 ? "down" : "none";
  const trimmed = delta.trim();
  if (trimmed.startsWith("-") || trimmed.startsWith("−")) return "down";
  return /^[+]?0*(\.0*)?(\s|%|$)/.test(trimmed) && !/[1-9]/.test(trimmed) ? "none" : "up";
}
