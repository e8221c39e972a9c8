import { Marked, type MarkedExtension, type Tokens } from "marked";
import { escapeHtml, streamlitMarkdown } from "./directives.ts";

/**
 * Markdown to HTML for the markdown and caption elements, with Streamlit's
 * additions (colours, badges, icons, emoji, math: see rich/directives.ts).
 * Unless the app opts in with `allowHtml`, raw HTML is shown as text; with it,
 * the caller must sanitize the result (rich/sanitize.ts) before showing it.
 * Either way, links and images whose URL could run script are dropped (their
 * text stays), and external links open in a new tab without handing it
 * `window.opener`.
 */
export function renderMarkdown(body: string, allowHtml = false): string {
  return (allowHtml ? withHtml : withoutHtml).parse(body, { async: false });
}

/** One line of markdown without the paragraph around it (headings, badges); raw HTML shown as text. */
export function renderInlineMarkdown(body: string): string {
  return withoutHtml.parseInline(body, { async: false });
}

const safeLinks: MarkedExtension = {
  renderer: {
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!isSafeUrl(href)) return text;
      const external = /^(https?:)?\/\//i.test(href.trim());
      return (
        `<a href="${escapeHtml(href)}"` +
        (title ? ` title="${escapeHtml(title)}"` : "") +
        (external ? ' target="_blank" rel="noopener noreferrer"' : "") +
        `>${text}</a>`
      );
    },
    image({ href, title, text }: Tokens.Image) {
      if (!isSafeUrl(href)) return escapeHtml(text);
      return (
        `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"` +
        (title ? ` title="${escapeHtml(title)}"` : "") +
        ">"
      );
    },
  },
};

const escapedHtml: MarkedExtension = {
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
  },
};

const withHtml = new Marked({ gfm: true }, safeLinks, streamlitMarkdown);
const withoutHtml = new Marked({ gfm: true }, safeLinks, escapedHtml, streamlitMarkdown);

const SCRIPTABLE_SCHEME = /^(javascript|data|vbscript):/i;

function isSafeUrl(url: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  let decoded = squeezed;
  try {
    decoded = decodeURIComponent(squeezed); // "%6Aavascript:" is javascript: too
  } catch {
    // Malformed escapes: judge the raw text.
  }
  return !SCRIPTABLE_SCHEME.test(squeezed) && !SCRIPTABLE_SCHEME.test(decoded);
}
