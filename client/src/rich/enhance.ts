/**
 * Puts rendered markdown (or sanitized HTML) into an element, then fills in
 * what needs a library the page loads only on demand: KaTeX for `.math`
 * placeholders and the highlighter for fenced code blocks. Raw HTML goes
 * through the sanitizer chunk first. Each library is a dynamic import(), so a
 * page without formulas never downloads KaTeX.
 */
export async function showRichHtml(
  element: HTMLElement,
  html: string,
  options: { sanitize?: boolean } = {},
): Promise<void> {
  const generation = (generations.get(element) ?? 0) + 1;
  generations.set(element, generation);
  const safe = options.sanitize ? (await loadSanitizer()).sanitizeHtml(html) : html;
  // A newer body arrived while the sanitizer loaded: that one wins.
  if (generations.get(element) !== generation) return;
  element.innerHTML = safe;
  await enhance(element);
}

/** Typesets `.math` placeholders and highlights `pre > code` blocks inside `root`. */
export async function enhance(root: HTMLElement): Promise<void> {
  const formulas = [...root.querySelectorAll<HTMLElement>(".math")];
  const blocks = [...root.querySelectorAll<HTMLElement>("pre > code[class*='language-']")];
  await Promise.all([
    formulas.length > 0 && typesetAll(formulas),
    ...blocks.map((block) => highlightBlock(block)),
  ]);
}

/** The sanitizer chunk (DOMPurify). */
export const loadSanitizer = () => import("./sanitize.ts");
/** The KaTeX chunk. */
export const loadMath = () => import("./math.ts");
/** The highlighter chunk (highlight.js core; each language is its own chunk). */
export const loadHighlighter = () => import("./highlight.ts");

const generations = new WeakMap<HTMLElement, number>();

async function typesetAll(formulas: HTMLElement[]): Promise<void> {
  const { renderMath } = await loadMath();
  for (const formula of formulas) {
    if (formula.dataset.typeset) continue;
    renderMath(formula, formula.textContent ?? "", formula.classList.contains("math-display"));
    formula.dataset.typeset = "true";
  }
}

async function highlightBlock(block: HTMLElement): Promise<void> {
  const language = /language-(\S+)/.exec(block.className)?.[1];
  if (!language || block.dataset.highlighted) return;
  const { highlight } = await loadHighlighter();
  const html = await highlight(block.textContent ?? "", language);
  if (html === undefined || !block.isConnected) return;
  block.innerHTML = html;
  block.dataset.highlighted = "true";
}
