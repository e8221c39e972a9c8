import type { MarkedExtension } from "marked";
import { EMOJI } from "./emoji.ts";

/**
 * Streamlit's markdown additions, as marked extensions:
 * - `:red[text]` coloured text (blue, green, orange, red, violet, gray, grey, rainbow, primary),
 *   `:red-background[text]` a highlight, `:red-badge[text]` a badge;
 * - `:material/icon_name:` a Material Symbols Rounded icon (the font loads only when used);
 * - `:smile:` emoji shortcodes from a small table ({@link EMOJI});
 * - `$...$` inline and `$$...$$` display math, left as placeholders that KaTeX fills
 *   in once its chunk has loaded (see enhance.ts).
 */
export const streamlitMarkdown: MarkedExtension = {
  extensions: [
    {
      name: "colorDirective",
      level: "inline",
      start: (src) => indexOrUndefined(src.search(/:[a-z]+(?:-background|-badge)?\[/)),
      tokenizer(src) {
        const head =
          /^:(blue|green|orange|red|violet|gray|grey|rainbow|primary)(-background|-badge)?\[/.exec(
            src,
          );
        if (!head) return undefined;
        const end = closingBracket(src, head[0].length);
        if (end === -1) return undefined;
        const color = head[1] === "grey" ? "gray" : head[1]!;
        const style =
          head[2] === "-background" ? "background" : head[2] === "-badge" ? "badge" : "color";
        if (style === "badge" && color === "rainbow") return undefined;
        const content = src.slice(head[0].length, end);
        return {
          type: "colorDirective",
          raw: src.slice(0, end + 1),
          color,
          style,
          tokens: this.lexer.inlineTokens(content),
        };
      },
      renderer(token) {
        const inner = this.parser.parseInline(token.tokens ?? []);
        const cls =
          token.style === "badge"
            ? `badge badge-${token.color}`
            : `md-${token.style} md-${token.style}-${token.color}`;
        return `<span class="${cls}">${inner}</span>`;
      },
    },
    {
      name: "shortcode",
      level: "inline",
      start: (src) => indexOrUndefined(src.search(/:(?:material\/)?[a-z0-9_+-]+:/)),
      tokenizer(src) {
        const icon = /^:material\/([a-z0-9_]+):/.exec(src);
        if (icon) return { type: "shortcode", raw: icon[0], icon: icon[1] };
        const emoji = /^:([a-z0-9_+-]+):/.exec(src);
        const character = emoji && Object.hasOwn(EMOJI, emoji[1]!) ? EMOJI[emoji[1]!] : undefined;
        return character === undefined
          ? undefined
          : { type: "shortcode", raw: emoji![0], emoji: character };
      },
      renderer(token) {
        return token.icon ? materialIconHtml(token.icon as string) : (token.emoji as string);
      },
    },
    {
      name: "displayMath",
      level: "block",
      start: (src) => indexOrUndefined(src.search(/^\$\$/m)),
      tokenizer(src) {
        const match = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/.exec(src);
        return match ? { type: "displayMath", raw: match[0], tex: match[1]!.trim() } : undefined;
      },
      renderer: (token) => mathHtml(token.tex as string, true),
    },
    {
      name: "inlineMath",
      level: "inline",
      start: (src) => indexOrUndefined(src.indexOf("$")),
      tokenizer(src) {
        const display = /^\$\$([\s\S]+?)\$\$/.exec(src);
        if (display)
          return { type: "inlineMath", raw: display[0], tex: display[1]!.trim(), display: true };
        // Like pandoc: no space just inside the dollars, no digit just after, so "$5 and $10" stays text.
        const inline =
          /^\$(?=\S)((?:\\.|[^\\$\n])*?\S)\$(?!\d)/.exec(src) ?? /^\$([^\s$\\])\$(?!\d)/.exec(src);
        return inline
          ? { type: "inlineMath", raw: inline[0], tex: inline[1]!, display: false }
          : undefined;
      },
      renderer: (token) => mathHtml(token.tex as string, token.display === true),
    },
  ],
};

/** A Material Symbols Rounded icon; decorative, so screen readers skip its ligature name. */
export function materialIconHtml(name: string): string {
  return `<span class="material-icon" aria-hidden="true" translate="no">${name}</span>`;
}

/** A placeholder showing the TeX source until KaTeX replaces it. */
function mathHtml(tex: string, display: boolean): string {
  const tag = display ? "div" : "span";
  return `<${tag} class="math${display ? " math-display" : ""}">${escapeHtml(tex)}</${tag}>`;
}

/** The index of the `]` closing the bracket opened just before `from`, or -1. */
function closingBracket(src: string, from: number): number {
  let depth = 1;
  for (let index = from; index < src.length; index++) {
    const char = src[index];
    if (char === "\\") index++;
    else if (char === "[") depth++;
    else if (char === "]" && --depth === 0) return index;
    else if (char === "\n" && src[index + 1] === "\n") return -1;
  }
  return -1;
}

function indexOrUndefined(index: number): number | undefined {
  return index === -1 ? undefined : index;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
