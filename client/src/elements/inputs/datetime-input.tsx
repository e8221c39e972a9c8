import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";
import { useForm } from "../forms/form-context.ts";
import { DateField } from "./date-field.tsx";

/**
 * A date in the app's `format` (typed, or picked from the browser's calendar)
 * and the browser's own time field, stepping by the app's `step`. The value is
 * sent as "YYYY-MM-DDTHH:MM", or with ":SS" when the step is under a minute
 * (the browser may leave ":00" seconds out, so they are put back). An emptied
 * field is sent as null only when the app allows it; otherwise it goes back to
 * the value it held.
 */
export function DatetimeInput(props: ElementProps<"datetimeInput">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  const form = useForm();
  // In a form, Enter submits it (after the field has sent its change).
  const submitOnEnter = (event: KeyboardEvent) => event.key === "Enter" && form?.submitOnEnter();
  const toWire = (time: string) =>
    props.el.step < 60 ? (time.length === 5 ? `${time}:00` : time.slice(0, 8)) : time.slice(0, 5);
  const date = () => state.value()?.slice(0, 10) ?? null;
  const time = () => state.value()?.slice(11) ?? "";
  // A date picked for an empty field starts at the earliest time allowed that day.
  const defaultTime = () => toWire(props.el.min.slice(11));

  return (
    <div class="date-input">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <div class="datetime-fields">
        <DateField
          id={inputId(props.el.id)}
          value={date()}
          format={props.el.format}
          min={props.el.min.slice(0, 10)}
          max={props.el.max.slice(0, 10)}
          disabled={props.el.disabled}
          nullable={props.el.nullable}
          onKeyDown={submitOnEnter}
          onCommit={(day) =>
            state.commit(day === null ? null : `${day}T${time() || defaultTime()}`)
          }
        />
        <input
          type="time"
          aria-label={`${props.el.label} time`}
          class="field"
          step={props.el.step}
          value={time()}
          disabled={props.el.disabled}
          onKeyDown={submitOnEnter}
          onChange={(event) => {
            const input = event.currentTarget;
            const day = date();
            if (input.value !== "" && day !== null) state.commit(`${day}T${toWire(input.value)}`);
            else if (input.value === "" && props.el.nullable) state.commit(null);
            else input.value = time();
          }}
        />
      </div>
    </div>
  );
}
