import { untrack } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";

/**
 * What the user set each expander to, by page and label: when a run inserts an
 * element above an expander, the page draws it anew, and it must stay as the
 * user left it rather than go back to `expanded`.
 */
const userOpen = new Map<string, boolean>();

/** A collapsible section. `expanded` sets the first state only; after that the user's choice stays. */
export function Expander(props: ElementProps<"expander">) {
  const identity = untrack(() => `${location.pathname}\n${props.el.label}`);
  return (
    <details
      class="expander"
      open={userOpen.get(identity) ?? untrack(() => props.el.expanded)}
      onToggle={(event) => userOpen.set(identity, event.currentTarget.open)}
    >
      <summary>
        <Icon icon={props.el.icon} class="block-icon" />
        <span>{props.el.label}</span>
      </summary>
      <div class="stack">{props.children}</div>
    </details>
  );
}
