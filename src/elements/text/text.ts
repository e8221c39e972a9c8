import type { ElementTarget } from "../../app/target.ts";
import { toJsonValue } from "./to-json.ts";

/** Options of `markdown` and `caption`. */
export interface MarkdownOptions {
  /** Render raw HTML inside the markdown. Off by default: HTML is shown as text. */
  unsafeAllowHtml?: boolean;
}

/** Options of `title`, `header` and `subheader`. */
export interface HeadingOptions {
  /** Draw a line under the heading. */
  divider?: boolean;
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

/** Text elements: headings, markdown, code, JSON and metrics. */
export function textMethods(target: ElementTarget) {
  const heading = (level: 1 | 2 | 3) => (body: string, options: HeadingOptions = {}) => {
    target.emit("heading", { level, body: String(body), ...(options.divider && { divider: true }) });
  };
  return {
    /** The page's title. @example st.title("Sales dashboard") */
    title: heading(1),
    /** A section header. @example st.header("This quarter") */
    header: heading(2),
    /** A sub-section header. @example st.subheader("By region") */
    subheader: heading(3),
    /**
     * GitHub-flavoured markdown. Raw HTML is shown as text unless `unsafeAllowHtml` is set.
     * @example st.markdown("**Bold** and a [link](https://example.com)")
     */
    markdown(body: string, options: MarkdownOptions = {}): void {
      target.emit("markdown", { body: String(body), ...(options.unsafeAllowHtml && { allowHtml: true }) });
    },
    /** Small, muted text for notes and footnotes (markdown). @example st.caption("Data as of today") */
    caption(body: string, options: MarkdownOptions = {}): void {
      target.emit("caption", { body: String(body), ...(options.unsafeAllowHtml && { allowHtml: true }) });
    },
    /** Plain text, whitespace kept, no markdown. @example st.text("42 rows loaded") */
    text(body: string): void {
      target.emit("text", { body: String(body) });
    },
    /** A block of code. @example st.code("const x = 1;", { language: "ts" }) */
    code(body: string, options: { language?: string; lineNumbers?: boolean } = {}): void {
      target.emit("code", {
        body: String(body),
        language: options.language ?? "typescript",
        ...(options.lineNumbers && { lineNumbers: true }),
      });
    },
    /** A horizontal rule. @example st.divider() */
    divider(): void {
      target.emit("divider", {});
    },
    /**
     * Pretty, collapsible JSON of any data (Map, Set, Date and BigInt are shown as JSON).
     * @example st.json({ rows: 3, ok: true })
     */
    json(body: unknown, options: { expanded?: boolean } = {}): void {
      target.emit("json", { body: toJsonValue(body), expanded: options.expanded ?? true });
    },
    /**
     * A big number with an optional change under it.
     * @example st.metric("Temperature", "21 °C", { delta: "1.2 °C" })
     */
    metric(label: string, value: number | string | null, options: MetricOptions = {}): void {
      const delta = options.delta;
      target.emit("metric", {
        label: String(label),
        value: value === null ? "—" : String(value),
        deltaColor: options.deltaColor ?? "normal",
        ...(delta !== undefined && delta !== null && { delta: String(delta), deltaSign: signOf(delta) }),
        ...(options.help !== undefined && { help: options.help }),
        ...(options.border && { border: true }),
      });
    },
  };
}

function signOf(delta: number | string): "up" | "down" | "none" {
  if (typeof delta === "number") return delta > 0 ? "up" : delta < 0 ? "down" : "none";
  const trimmed = delta.trim();
  if (trimmed.startsWith("-") || trimmed.startsWith("−")) return "down";
  return /^[+]?0*(\.0*)?(\s|%|$)/.test(trimmed) && !/[1-9]/.test(trimmed) ? "none" : "up";
}
