import { renderMarkdown } from "../../rich/markdown.ts";
import { richHtml } from "../../rich/rich-html.ts";
import { Icon } from "../icon.tsx";
import type { ElementProps } from "../element-props.ts";

/** A coloured box; errors and warnings are announced (`role="alert"`). */
export function Alert(props: ElementProps<"alert">) {
  const urgent = () => props.el.level === "error" || props.el.level === "warning";
  return (
    <div class={`alert ${props.el.level}`} role={urgent() ? "alert" : undefined}>
      <Icon icon={props.el.icon} class="alert-icon" />
      <div class="markdown" ref={richHtml(() => renderMarkdown(props.el.body))} />
    </div>
  );
}
