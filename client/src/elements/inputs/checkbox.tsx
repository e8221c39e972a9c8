import type { WidgetProps } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { Help, inputId, labelVisibilityClass } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

type BooleanWidget = WidgetProps & { value: boolean };

function BooleanInput(props: { el: BooleanWidget; look: "checkbox" | "toggle" }) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  return (
    <div class={`boolean ${props.look}`}>
      <input
        type="checkbox"
        id={inputId(props.el.id)}
        checked={state.value()}
        disabled={props.el.disabled}
        onChange={(event) => state.commit(event.currentTarget.checked)}
      />
      <label for={inputId(props.el.id)} class={labelVisibilityClass(props.el.labelVisibility)}>
        {props.el.label}
      </label>
      <Help text={props.el.help} />
    </div>
  );
}

export function Checkbox(props: ElementProps<"checkbox">) {
  return <BooleanInput el={props.el} look="checkbox" />;
}

/**
 * A checkbox drawn as a switch. It keeps the checkbox role (not `switch`):
 * it behaves exactly like one, and tests and screen readers find it as one.
 */
export function Toggle(props: ElementProps<"toggle">) {
  return <BooleanInput el={props.el} look="toggle" />;
}
