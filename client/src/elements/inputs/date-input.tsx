import { Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";
import { useForm } from "../forms/form-context.ts";
import { DateField } from "./date-field.tsx";

/**
 * A date in the app's `format`, typed or picked from the browser's calendar,
 * or two of them for a range. An emptied field is sent as null only when the
 * app allows it; otherwise it goes back to the date it held. A range's ends
 * cannot cross: an end moved past the other is held at it.
 */
export function DateInput(props: ElementProps<"dateInput">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  const form = useForm();
  // In a form, Enter submits it (after the field has sent its change).
  const submitOnEnter = (event: KeyboardEvent) => event.key === "Enter" && form?.submitOnEnter();
  const range = (): [string, string] | undefined => {
    const value = state.value();
    return Array.isArray(value) ? [value[0], value[1]] : undefined;
  };
  const field = () => ({
    format: props.el.format,
    disabled: props.el.disabled,
    onKeyDown: submitOnEnter,
  });

  return (
    <div class="date-input">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <Show
        when={range()}
        fallback={
          <DateField
            {...field()}
            id={inputId(props.el.id)}
            value={state.value() as string | null}
            min={props.el.min}
            max={props.el.max}
            nullable={props.el.nullable}
            onCommit={(value) => state.commit(value)}
          />
        }
      >
        {(pair) => {
          const end = (index: 0 | 1, name: string) => (
            <DateField
              {...field()}
              id={index === 0 ? inputId(props.el.id) : undefined}
              label={`${props.el.label} ${name}`}
              value={pair()[index]}
              min={index === 0 ? props.el.min : pair()[0]}
              max={index === 0 ? pair()[1] : props.el.max}
              onCommit={(value) => {
                const [start, finish] = pair();
                // An end moved past the other is held at it (an emptied end never arrives: not nullable).
                if (value === null) return;
                if (index === 0) state.commit([value > finish ? finish : value, finish]);
                else state.commit([start, value < start ? start : value]);
              }}
            />
          );
          return (
            <div class="date-range">
              {end(0, "start")}
              <span aria-hidden="true">–</span>
              {end(1, "end")}
            </div>
          );
        }}
      </Show>
    </div>
  );
}
