import { For } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Help, inputId, labelVisibilityClass } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/** A radio group; its wire value is the chosen index. */
export function Radio(props: ElementProps<"radio">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.index,
  );
  const groupId = () => inputId(props.el.id);
  return (
    <div class="radio">
      <div class={`widget-label ${labelVisibilityClass(props.el.labelVisibility)}`}>
        <span id={`${groupId()}-label`}>{props.el.label}</span>
        <Help text={props.el.help} />
      </div>
      <div
        role="radiogroup"
        aria-labelledby={`${groupId()}-label`}
        class="choices"
        classList={{ horizontal: props.el.horizontal === true }}
      >
        <For each={props.el.options}>
          {(option, index) => (
            <label class="choice">
              <input
                type="radio"
                name={groupId()}
                checked={state.value() === index()}
                disabled={props.el.disabled}
                onChange={() => state.commit(index())}
              />
              <span>{option}</span>
            </label>
          )}
        </For>
      </div>
    </div>
  );
}
