import { Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";
import { useForm } from "../forms/form-context.ts";

/**
 * The browser's own date field (keyboard and screen-reader friendly), or two
 * of them for a range. The readout beside the label writes the date in the
 * app's `format`. An emptied field is sent as null only when the app allows
 * it; otherwise it goes back to the date it held. A range's ends cannot
 * cross: each field is bounded by the other.
 */
export function DateInput(props: ElementProps<"dateInput">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  const form = useForm();
  // In a form, Enter submits it (after the change the field has already sent).
  const submitOnEnter = (event: KeyboardEvent) => event.key === "Enter" && form?.submitOnEnter();
  const readout = () => {
    const value = state.value();
    if (value === null) return undefined;
    return Array.isArray(value)
      ? `${formatDate(value[0], props.el.format)} – ${formatDate(value[1], props.el.format)}`
      : formatDate(value, props.el.format);
  };
  const range = (): [string, string] | undefined => {
    const value = state.value();
    return Array.isArray(value) ? [value[0], value[1]] : undefined;
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
      <Show
        when={range()}
        fallback={
          <input
            type="date"
            id={inputId(props.el.id)}
            class="field"
            min={props.el.min}
            max={props.el.max}
            value={(state.value() as string | null) ?? ""}
            disabled={props.el.disabled}
            onKeyDown={submitOnEnter}
            onChange={(event) => {
              const input = event.currentTarget;
              if (input.value !== "") state.commit(input.value);
              else if (props.el.nullable) state.commit(null);
              else input.value = (state.value() as string | null) ?? "";
            }}
          />
        }
      >
        {(pair) => {
          const end = (index: 0 | 1, name: string) => (
            <input
              type="date"
              id={index === 0 ? inputId(props.el.id) : undefined}
              aria-label={`${props.el.label} ${name}`}
              class="field"
              min={index === 0 ? props.el.min : pair()[0]}
              max={index === 0 ? pair()[1] : props.el.max}
              value={pair()[index]}
              disabled={props.el.disabled}
              onKeyDown={submitOnEnter}
              onChange={(event) => {
                const input = event.currentTarget;
                const [start, finish] = pair();
                // Half a range is no range: an emptied end goes back; an end past the other is held at it.
                if (input.value === "") return void (input.value = pair()[index]);
                const moved =
                  index === 0
                    ? input.value > finish
                      ? finish
                      : input.value
                    : input.value < start
                      ? start
                      : input.value;
                input.value = moved;
                state.commit(index === 0 ? [moved, finish] : [start, moved]);
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

/** "2026-11-22" written as `format` says ("DD.MM.YYYY" gives "22.11.2026"). */
export function formatDate(isoDate: string, format: string): string {
  const [year = "", month = "", day = ""] = isoDate.split("-");
  return format.replace("YYYY", year).replace("MM", month).replace("DD", day);
}
