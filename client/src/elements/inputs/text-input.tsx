import type { ElementProps } from "../element-props.ts";
import { useForm } from "../forms/form-context.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/** A one-line text field, sent on Enter or blur when its text changed. In a form, Enter submits the form. */
export function TextInput(props: ElementProps<"textInput">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  const form = useForm();
  return (
    <div class="text-input">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <input
        type={props.el.password ? "password" : "text"}
        id={inputId(props.el.id)}
        class="field"
        value={state.value()}
        placeholder={props.el.placeholder}
        maxLength={props.el.maxChars}
        disabled={props.el.disabled}
        autocomplete={props.el.password ? "current-password" : "off"}
        onInput={(event) => state.edit(event.currentTarget.value)}
        onKeyDown={(event) => {
          // The Enter that confirms an input method's candidate (isComposing) is still typing.
          if (event.key !== "Enter" || event.isComposing) return;
          state.commit(event.currentTarget.value);
          form?.submitOnEnter();
        }}
        onBlur={(event) => state.commit(event.currentTarget.value)}
      />
    </div>
  );
}

/** A multi-line text field, sent on Ctrl+Enter (⌘+Enter) or blur when its text changed. */
export function TextArea(props: ElementProps<"textArea">) {
  const state = createWidgetValue(
    () => props.el,
    () => props.el.value,
  );
  return (
    <div class="text-area">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <textarea
        id={inputId(props.el.id)}
        class="field"
        value={state.value()}
        placeholder={props.el.placeholder}
        maxLength={props.el.maxChars}
        disabled={props.el.disabled}
        style={{ height: props.el.height === undefined ? undefined : `${props.el.height}px` }}
        onInput={(event) => state.edit(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey))
            state.commit(event.currentTarget.value);
        }}
        onBlur={(event) => state.commit(event.currentTarget.value)}
      />
    </div>
  );
}
