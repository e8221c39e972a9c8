import { createEffect } from "solid-js";
import { showRichHtml } from "./enhance.ts";

/**
 * A `ref` that keeps an element's contents equal to `html()`, with math and
 * code filled in on demand, sanitized first when `sanitize()` is true.
 *
 * @example <div ref={richHtml(() => renderMarkdown(props.el.body))} />
 */
export function richHtml(
  html: () => string,
  sanitize: () => boolean = () => false,
): (element: HTMLElement) => void {
  return (element) =>
    createEffect(() => void showRichHtml(element, html(), { sanitize: sanitize() }));
}
