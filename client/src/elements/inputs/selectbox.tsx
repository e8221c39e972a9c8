import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";
import { Combobox } from "./combobox.tsx";

/** One option, picked from a list the user can filter by typing; its wire value is the chosen index, or null. */
export function Selectbox(props: ElementProps<"selectbox">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.index,
  );
  const chosen = () => state.value();
  return (
    <div class="selectbox">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <Combobox
        id={inputId(props.el.id)}
        options={props.el.options}
        shown={chosen() === null ? "" : (props.el.options[chosen()!] ?? "")}
        placeholder={props.el.placeholder ?? "Choose an option"}
        disabled={props.el.disabled}
        onPick={(index) => state.commit(index)}
      />
    </div>
  );
}
