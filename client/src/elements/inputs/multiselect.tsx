import { For, Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/**
 * Chosen options as removable chips, and a drop-down (named by the label) to
 * add one more. Its wire value is the list of chosen indices.
 */
export function Multiselect(props: ElementProps<"multiselect">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.indices,
  );
  const chosen = () => [...state.value()];
  const full = () =>
    props.el.maxSelections !== undefined && chosen().length >= props.el.maxSelections;
  const addPrompt = () =>
    full()
      ? `You can choose up to ${props.el.maxSelections}`
      : (props.el.placeholder ?? "Choose an option");

  return (
    <div class="multiselect">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <div class="chips" role="list">
        <For each={chosen()}>
          {(index) => (
            <span class="chip" role="listitem">
              {props.el.options[index]}
              <button
                type="button"
                aria-label={`Remove ${props.el.options[index]}`}
                disabled={props.el.disabled}
                onClick={() => state.commit(chosen().filter((other) => other !== index))}
              >
                ×
              </button>
            </span>
          )}
        </For>
      </div>
      <select
        id={inputId(props.el.id)}
        class="field"
        disabled={props.el.disabled || full()}
        onChange={(event) => {
          const index = Number(event.currentTarget.value);
          event.currentTarget.selectedIndex = 0; // back to the prompt, ready for the next pick
          state.commit([...chosen(), index]);
        }}
      >
        <option value="" disabled selected>
          {addPrompt()}
        </option>
        <For each={props.el.options}>
          {(option, index) => (
            <Show when={!chosen().includes(index())}>
              <option value={index()}>{option}</option>
            </Show>
          )}
        </For>
      </select>
    </div>
  );
}
