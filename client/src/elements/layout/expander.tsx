import { untrack } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";

/** A collapsible section. `expanded` sets the first state only; after that the user's choice stays. */
export function Expander(props: ElementProps<"expander">) {
  return (
    <details class="expander" open={untrack(() => props.el.expanded)}>
      <summary>
        <Icon icon={props.el.icon} class="block-icon" />
        <span>{props.el.label}</span>
      </summary>
      <div class="stack">{props.children}</div>
    </details>
  );
}
