import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";
import { Help } from "./widget-label.tsx";

/** `st.linkButton`: a link drawn as a button; it opens its URL in a new tab and sends no event. */
export function LinkButton(props: ElementProps<"linkButton">) {
  return (
    <div class="button-row" classList={{ "full-width": props.el.fullWidth === true }}>
      <a
        class={`button link-button ${props.el.variant}`}
        href={props.el.disabled ? undefined : props.el.url}
        target="_blank"
        rel="noopener noreferrer"
        aria-disabled={props.el.disabled ? "true" : undefined}
      >
        <Icon icon={props.el.icon} />
        {props.el.label}
      </a>
      <Help text={props.el.help} />
    </div>
  );
}
