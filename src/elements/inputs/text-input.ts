import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import type { RegisteredWidget } from "../../runner/widget-registry.ts";
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

/** The `st.textInput` and `st.textArea` methods; part of `inputMethods`. */
export const textInputMethods = {
  /**
   * A one-line text field; its value changes on Enter or when it loses focus.
   * @example const name = st.textInput("Your name", { placeholder: "Ada" });
   */
  textInput(this: Drawable, label: string, options: TextInputOptions = {}): string {
    const target = this[TARGET];
    const { id, value, shown } = registerText(target, textInputKind, label, options);
    target.emit(
      "textInput",
      baseProps(id, label, options, {
        value: shown,
        ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
        ...(options.maxChars !== undefined && { maxChars: options.maxChars }),
        ...(options.type === "password" && { password: true }),
      }),
    );
    return value;
  },
  /**
   * A multi-line text field; its value changes on Ctrl+Enter or when it loses focus.
   * @example const notes = st.textArea("Notes", { height: 120 });
   */
  textArea(this: Drawable, label: string, options: TextAreaOptions = {}): string {
    const target = this[TARGET];
    const { id, value, shown } = registerText(target, textAreaKind, label, options);
    target.emit(
      "textArea",
      baseProps(id, label, options, {
        value: shown,
        ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
        ...(options.maxChars !== undefined && { maxChars: options.maxChars }),
        ...(options.height !== undefined && { height: options.height }),
      }),
    );
    return value;
  },
};

function registerText(
  target: ElementTarget,
  definition: typeof textInputKind | typeof textAreaKind,
  label: string,
  options: TextInputOptions | TextAreaOptions,
): RegisteredWidget<string> {
  const defaultValue = options.value ?? "";
  return registerWidget(target, definition, {
    label,
    key: options.key,
    identity: [defaultValue, options.maxChars, options.placeholder],
    settings: options.maxChars === undefined ? {} : { maxChars: options.maxChars },
    defaultValue,
    onChange: options.onChange,
  });
}

// --- The kinds ---

/** What checking a text needs: its length limit. */
export interface TextSettings {
  maxChars?: number;
}

/** Why `value` is not a text these settings allow, or undefined. */
export function textCheck(value: unknown, settings: TextSettings): string | undefined {
  if (typeof value !== "string") return `expected text, got ${describe(value)}`;
  if (settings.maxChars !== undefined && value.length > settings.maxChars)
    return `text is longer than ${settings.maxChars} characters`;
  return undefined;
}

const textCodec = checkedCodec(textCheck);
/** The one-line text field kind. */
export const textInputKind = defineWidget("textInput", { codec: textCodec });
/** The multi-line text field kind. */
export const textAreaKind = defineWidget("textArea", { codec: textCodec });
