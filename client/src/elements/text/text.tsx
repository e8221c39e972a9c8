import type { ElementProps } from "../element-props.ts";
import { Help } from "../inputs/widget-label.tsx";

/** Plain text, whitespace kept. */
export function Text(props: ElementProps<"text">) {
  return (
    <div class="with-help">
      <div class="text">{props.el.body}</div>
      <Help text={props.el.help} />
    </div>
  );
}

export function Divider(_props: ElementProps<"divider">) {
  return <hr class="divider" />;
}
