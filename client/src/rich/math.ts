import katex from "katex";
import "katex/dist/katex.min.css";

/**
 * KaTeX, loaded on demand: this module (and KaTeX's CSS and fonts) is a chunk
 * of its own that the page fetches the first time it shows a formula.
 * A formula KaTeX cannot parse is shown with its error, not thrown.
 */
export function renderMath(element: HTMLElement, tex: string, displayMode: boolean): void {
  katex.render(tex, element, { displayMode, throwOnError: false, output: "htmlAndMathml" });
}
