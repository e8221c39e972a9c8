import type { ElementProps } from "../element-props.ts";
import { formatDate } from "./date-input.tsx";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";
import { useForm } from "../forms/form-context.ts";

/**
 * The browser's own date-and-time field, bounded by the app's `min` and `max`
 * and stepping by its `step`. Its text is sent as "YYYY-MM-DDTHH:MM", or with
 * ":SS" when the step is under a minute (the browser may leave ":00" seconds
 * out, so they are put back). The readout beside the label writes the date in
 * the app's `format`. An emptied field is sent as null only when the app
 * allows it; otherwise it goes back to the value it held.
 */
export function DatetimeInput(props: ElementProps<"datetimeInput">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  const form = useForm();
  // In a form, Enter submits it (after the change the field has already sent).
  const submitOnEnter = (event: KeyboardEvent) => event.key === "Enter" && form?.submitOnEnter();
  const toWire = (text: string) =>
    props.el.step < 60
      ? text.length === 16
        ? `${text}:00`
        : text.slice(0, 19)
      : text.slice(0, 16);
  const readout = () => {
    const value = state.value();
    return value === null
      ? undefined
      : `${formatDate(value.slice(0, 10), props.el.format)} ${value.slice(11)}`;
  };

  return (
    <div class="date-input">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
        readout={readout()}
      />
      <input
        type="datetime-local"
        id={inputId(props.el.id)}
        class="field"
        min={props.el.min}
        max={props.el.max}
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
