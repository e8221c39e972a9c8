import DOMPurify from "dompurify";

/**
 * HTML made safe to put in the page: DOMPurify removes scripts, event handler
 * attributes, javascript: (and other script-running) URLs, and anything else
 * that could run code; styles and ordinary markup stay. Loaded on demand, as a
 * chunk of its own, by the html element and markdown with raw HTML allowed.
 */
export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, { FORCE_BODY: true, ADD_ATTR: ["target"] });
}

const purifier = DOMPurify(window);

// A link that opens a new tab must not hand it `window.opener`.
purifier.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A" && node.getAttribute("target") === "_blank")
    node.setAttribute("rel", "noopener noreferrer");
});
