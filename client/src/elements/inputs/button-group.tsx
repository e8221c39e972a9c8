import { For } from "solid-js";
import type { ButtonGroupProps, WidgetProps } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { Help, inputId, labelVisibilityClass } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/**
 * A labelled row of toggle buttons. Its wire value is the chosen index or
 * null, or with `multi` the chosen indices in the order clicked. Clicking the
 * chosen button of a single-choice group clears it, as in Streamlit.
 */
function ButtonGroup(props: { el: WidgetProps & ButtonGroupProps; look: "pills" | "segmented" }) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.indices,
    (indices) => (props.el.multi ? indices : (indices[0] ?? null)),
  );
  const labelId = () => `${inputId(props.el.id)}-label`;
  const toggle = (index: number) => {
    const chosen = state.value();
    if (props.el.multi)
      state.commit(
        chosen.includes(index) ? chosen.filter((other) => other !== index) : [...chosen, index],
      );
    else state.commit(chosen.includes(index) ? [] : [index]);
  };
  return (
    <div class="button-group">
      <div class={`widget-label ${labelVisibilityClass(props.el.labelVisibility)}`}>
        <span id={labelId()}>{props.el.label}</span>
        <Help text={props.el.help} />
      </div>
      <div role="group" aria-labelledby={labelId()} class={`button-group-options ${props.look}`}>
        <For each={props.el.options}>
          {(option, index) => (
            <button
              type="button"
              class="button-group-option"
              aria-pressed={state.value().includes(index())}
              disabled={props.el.disabled}
              onClick={() => toggle(index())}
            >
              {option}
            </button>
          )}
        </For>
      </div>
    </div>
  );
}

/** `st.pills`: options as separate round buttons. */
export function Pills(props: ElementProps<"pills">) {
  return <ButtonGroup el={props.el} look="pills" />;
}

/** `st.segmentedControl`: options joined into one bar. */
export function SegmentedControl(props: ElementProps<"segmentedControl">) {
  return <ButtonGroup el={props.el} look="segmented" />;
}
