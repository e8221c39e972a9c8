import { For, Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/** A drop-down of option labels; its wire value is the chosen index, or null. */
export function Selectbox(props: ElementProps<"selectbox">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.index,
  );
  return (
    <div class="selectbox">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <select
        id={inputId(props.el.id)}
        class="field"
        disabled={props.el.disabled}
        onChange={(event) =>
          state.commit(event.currentTarget.value === "" ? null : Number(event.currentTarget.value))
        }
      >
        {/* `selected` per option rather than `value` on the select: the options may render after it. */}
        <Show when={state.value() === null}>
          <option value="" disabled selected>
            {props.el.placeholder ?? "Choose an option"}
          </option>
        </Show>
        <For each={props.el.options}>
          {(option, index) => (
            <option value={index()} selected={state.value() === index()}>
              {option}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
