import { For } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";
import { Combobox } from "./combobox.tsx";

/**
 * The chosen options as removable chips inside the field, and a list to add
 * more, filtered as the user types. Its wire value is the list of chosen indices.
 */
export function Multiselect(props: ElementProps<"multiselect">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.indices,
  );
  const chosen = () => [...state.value()];
  const full = () =>
    props.el.maxSelections !== undefined && chosen().length >= props.el.maxSelections;
  const remove = (index: number) => state.commit(chosen().filter((other) => other !== index));

  return (
    <div class="multiselect">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <Combobox
        id={inputId(props.el.id)}
        options={props.el.options}
        shown=""
        placeholder={chosen().length > 0 ? "" : (props.el.placeholder ?? "Choose options")}
        disabled={props.el.disabled}
        excluded={chosen()}
        closedReason={full() ? `You can choose up to ${props.el.maxSelections} options` : undefined}
        onPick={(index) => state.commit([...chosen(), index])}
        onBackspaceEmpty={() => {
          const last = chosen().at(-1);
          if (last !== undefined) remove(last);
        }}
        before={
          <ul class="chips" aria-label={`${props.el.label}: chosen`}>
            <For each={chosen()}>
              {(index) => (
                <li class="chip">
                  {props.el.options[index]}
                  <button
                    type="button"
                    aria-label={`Remove ${props.el.options[index]}`}
                    disabled={props.el.disabled}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => remove(index)}
                  >
                    ×
                  </button>
                </li>
              )}
            </For>
          </ul>
        }
      />
    </div>
  );
}
