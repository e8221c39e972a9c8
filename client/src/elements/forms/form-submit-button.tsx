import { onCleanup } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Icon } from "../icon.tsx";
import { Help } from "../inputs/widget-label.tsx";
import { useForm } from "./form-context.ts";

/** A form's submit button: a click sends the form's held values with `{ id, value: true }`, in one event. */
export function FormSubmitButton(props: ElementProps<"formSubmitButton">) {
  // The server draws this button only inside a form.
  const form = useForm()!;
  onCleanup(
    form.addSubmitButton({ id: () => props.el.id, disabled: () => props.el.disabled === true }),
  );
  return (
    <div class="button-row" classList={{ "full-width": props.el.fullWidth === true }}>
      <button
        type="button"
        class={`button ${props.el.variant}`}
        disabled={props.el.disabled}
        onClick={() => form.submit(props.el.id)}
      >
        <Icon icon={props.el.icon} class="button-icon" />
        {props.el.label}
      </button>
      <Help text={props.el.help} />
    </div>
  );
}
