import { Show } from "solid-js";
import { renderMarkdown } from "../../markdown.ts";
import type { ElementProps } from "../element-props.ts";

/** A coloured box; errors and warnings are announced (`role="alert"`). */
export function Alert(props: ElementProps<"alert">) {
  const urgent = () => props.el.level === "error" || props.el.level === "warning";
  return (
    <div class={`alert ${props.el.level}`} role={urgent() ? "alert" : undefined}>
      <Show when={props.el.icon}>
        <span class="alert-icon" aria-hidden="true">
          {props.el.icon}
        </span>
      </Show>
      <div class="markdown" innerHTML={renderMarkdown(props.el.body)} />
    </div>
  );
}
