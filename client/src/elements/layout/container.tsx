import type { ElementProps } from "../element-props.ts";

export function Container(props: ElementProps<"container">) {
  return (
    <div class="stack" classList={{ bordered: props.el.border === true }}>
      {props.children}
    </div>
  );
}
