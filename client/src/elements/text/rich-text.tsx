import { renderInlineMarkdown } from "../../rich/markdown.ts";
import { escapeHtml } from "../../rich/directives.ts";
import { richHtml } from "../../rich/rich-html.ts";
import type { ElementProps } from "../element-props.ts";
import { Help } from "../inputs/widget-label.tsx";
import { Icon } from "../icon.tsx";

/** A TeX formula: its source at first, typeset once the KaTeX chunk has loaded. */
export function Latex(props: ElementProps<"latex">) {
  return (
    <div class="with-help">
      <div
        class="latex"
        ref={richHtml(() => `<div class="math math-display">${escapeHtml(props.el.body)}</div>`)}
      />
      <Help text={props.el.help} />
    </div>
  );
}

/** App-given HTML, shown only after the sanitizer chunk has cleaned it. */
export function Html(props: ElementProps<"html">) {
  return (
    <div
      class="html"
      ref={richHtml(
        () => props.el.body,
        () => true,
      )}
    />
  );
}

/** A small coloured pill. */
export function Badge(props: ElementProps<"badge">) {
  return (
    <div class="badge-row">
      <span class={`badge badge-${props.el.color}`}>
        <Icon icon={props.el.icon} />
        <span ref={richHtml(() => renderInlineMarkdown(props.el.label))} />
      </span>
    </div>
  );
}
