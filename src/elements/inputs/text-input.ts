import type { ElementTarget } from "../../app/target.ts";
import type { RegisteredWidget } from "../../runner/script-run.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `textInput`. */
export interface TextInputOptions extends WidgetOptions {
  value?: string;
  placeholder?: string;
  maxChars?: number;
  /** "password" hides what is typed. */
  type?: "default" | "password";
}

/** Options of `textArea`. */
export interface TextAreaOptions extends WidgetOptions {
  value?: string;
  placeholder?: string;
  maxChars?: number;
  /** Height in pixels. */
  height?: number;
}

/**
 * A one-line text field; its value changes on Enter or when it loses focus.
 * @example const name = st.textInput("Your name", { placeholder: "Ada" });
 */
export function textInput(target: ElementTarget, label: string, options: TextInputOptions = {}): string {
  const { id, value, shown } = registerText(target, "textInput", label, options);
  target.emit("textInput", baseProps(id, label, options, {
    value: shown,
    ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
    ...(options.maxChars !== undefined && { maxChars: options.maxChars }),
    ...(options.type === "password" && { password: true }),
  }));
  return value;
}

/**
 * A multi-line text field; its value changes on Ctrl+Enter or when it loses focus.
 * @example const notes = st.textArea("Notes", { height: 120 });
 */
export function textArea(target: ElementTarget, label: string, options: TextAreaOptions = {}): string {
  const { id, value, shown } = registerText(target, "textArea", label, options);
  target.emit("textArea", baseProps(id, label, options, {
    value: shown,
    ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
    ...(options.maxChars !== undefined && { maxChars: options.maxChars }),
    ...(options.height !== undefined && { height: options.height }),
  }));
  return value;
}

function registerText(
  target: ElementTarget,
  kind: "textInput" | "textArea",
  label: string,
  options: TextInputOptions | TextAreaOptions,
): RegisteredWidget<string> {
  const defaultValue = options.value ?? "";
  return target.run.widget({
    kind,
    label,
    key: options.key,
    identity: [defaultValue, options.maxChars, options.placeholder],
    spec: options.maxChars === undefined ? {} : { maxChars: options.maxChars },
    defaultValue,
    onChange: options.onChange,
    at: target.path,
  });
}
