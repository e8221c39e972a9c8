import { useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";
import { Help } from "./widget-label.tsx";

/** A button: each click is its own event, `{ id, value: true }`. */
export function Button(props: ElementProps<"button">) {
  const client = useClient();
  return (
    <div class="button-row" classList={{ "full-width": props.el.fullWidth === true }}>
      <button
        type="button"
        class={`button ${props.el.variant}`}
        disabled={props.el.disabled}
        onClick={() => client.queue.trigger({ id: props.el.id, value: true })}
      >
        <Icon icon={props.el.icon} class="button-icon" />
        {props.el.label}
      </button>
      <Help text={props.el.help} />
    </div>
  );
}
