import hljs from "highlight.js/lib/core";
import type { LanguageFn } from "highlight.js";
import "./highlight.css";

/**
 * Syntax highlighting, loaded on demand (this module is its own chunk, and
 * each language is a chunk of its own, fetched the first time it is shown).
 */
type LanguageLoader = () => Promise<{ default: LanguageFn }>;

const LANGUAGES: Record<string, LanguageLoader> = {
  bash: () => import("highlight.js/lib/languages/bash"),
  c: () => import("highlight.js/lib/languages/c"),
  cpp: () => import("highlight.js/lib/languages/cpp"),
  csharp: () => import("highlight.js/lib/languages/csharp"),
  css: () => import("highlight.js/lib/languages/css"),
  diff: () => import("highlight.js/lib/languages/diff"),
  dockerfile: () => import("highlight.js/lib/languages/dockerfile"),
  go: () => import("highlight.js/lib/languages/go"),
  ini: () => import("highlight.js/lib/languages/ini"),
  java: () => import("highlight.js/lib/languages/java"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  kotlin: () => import("highlight.js/lib/languages/kotlin"),
  markdown: () => import("highlight.js/lib/languages/markdown"),
  php: () => import("highlight.js/lib/languages/php"),
  python: () => import("highlight.js/lib/languages/python"),
  r: () => import("highlight.js/lib/languages/r"),
  ruby: () => import("highlight.js/lib/languages/ruby"),
  rust: () => import("highlight.js/lib/languages/rust"),
  scss: () => import("highlight.js/lib/languages/scss"),
  shell: () => import("highlight.js/lib/languages/shell"),
  sql: () => import("highlight.js/lib/languages/sql"),
  swift: () => import("highlight.js/lib/languages/swift"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  xml: () => import("highlight.js/lib/languages/xml"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
};

const ALIASES: Record<string, string> = {
  c_cpp: "cpp",
  "c++": "cpp",
  cs: "csharp",
  docker: "dockerfile",
  golang: "go",
  html: "xml",
  js: "javascript",
  jsx: "javascript",
  kt: "kotlin",
  md: "markdown",
  py: "python",
  rb: "ruby",
  rs: "rust",
  sh: "bash",
  svg: "xml",
  toml: "ini",
  ts: "typescript",
  tsx: "typescript",
  yml: "yaml",
  zsh: "bash",
};

/** The language's registered name, or undefined when there is none for it (plain text). */
export function languageName(language: string): string | undefined {
  const lower = language.toLowerCase();
  const name = ALIASES[lower] ?? lower;
  return Object.hasOwn(LANGUAGES, name) ? name : undefined;
}

/** `code` as highlighted HTML (one escaped string), or undefined for a language with no highlighter. */
export async function highlight(code: string, language: string): Promise<string | undefined> {
  const name = languageName(language);
  if (name === undefined) return undefined;
  if (!hljs.getLanguage(name)) hljs.registerLanguage(name, (await LANGUAGES[name]!()).default);
  return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
}

/**
 * Highlighted HTML split into lines, each balanced on its own: a span that
 * crosses a line break (a multi-line comment) is closed at the line's end and
 * reopened on the next, so each line can be wrapped and numbered by itself.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = "";
  for (const part of html.split(/(<span[^>]*>|<\/span>|\n)/)) {
    if (part === "\n") {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else {
      if (part.startsWith("<span")) open.push(part);
      else if (part === "</span>") open.pop();
      line += part;
    }
  }
  lines.push(line);
  return lines;
}
