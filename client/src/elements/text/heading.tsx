import { Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import type { ElementProps } from "../element-props.ts";

export function Heading(props: ElementProps<"heading">) {
  return (
    <div class="heading">
      <Dynamic component={`h${props.el.level}`}>{props.el.body}</Dynamic>
      <Show when={props.el.divider}>
        <hr class="heading-divider" />
      </Show>
    </div>
  );
}
