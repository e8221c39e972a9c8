import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";
import { useForm } from "../forms/form-context.ts";

/**
 * The browser's own time field, stepping by the app's `step`. Its text is
 * sent as "HH:MM", or "HH:MM:SS" when the step is under a minute (the
 * browser may leave ":00" seconds out, so they are put back). An emptied
 * field is sent as null only when the app allows it.
 */
export function TimeInput(props: ElementProps<"timeInput">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  const form = useForm();
  // In a form, Enter submits it (after the change the field has already sent).
  const submitOnEnter = (event: KeyboardEvent) => event.key === "Enter" && form?.submitOnEnter();
  const toWire = (text: string) =>
    props.el.step < 60 ? (text.length === 5 ? `${text}:00` : text.slice(0, 8)) : text.slice(0, 5);

  return (
    <div class="time-input">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <input
        type="time"
        id={inputId(props.el.id)}
        class="field"
        step={props.el.step}
        value={state.value() ?? ""}
        disabled={props.el.disabled}
        onKeyDown={submitOnEnter}
        onChange={(event) => {
          const input = event.currentTarget;
          if (input.value !== "") state.commit(toWire(input.value));
          else if (props.el.nullable) state.commit(null);
          else input.value = state.value() ?? "";
        }}
      />
    </div>
  );
}
