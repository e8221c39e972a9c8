import type { ElementProps } from "../element-props.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/**
 * The browser's own colour picker, with the hex value written beside it.
 * The swatch follows the pointer while the picker is open; the colour is
 * sent when the picker closes (`change`).
 */
export function ColorPicker(props: ElementProps<"colorPicker">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  return (
    <div class="color-picker">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <div class="color-field">
        <input
          type="color"
          id={inputId(props.el.id)}
          value={state.value()}
          disabled={props.el.disabled}
          onInput={(event) => state.edit(event.currentTarget.value.toLowerCase())}
          onChange={(event) => state.commit(event.currentTarget.value.toLowerCase())}
        />
        <output for={inputId(props.el.id)} class="color-hex">
          {state.value()}
        </output>
      </div>
    </div>
  );
}
