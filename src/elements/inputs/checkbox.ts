import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `checkbox` and `toggle`. */
export interface CheckboxOptions extends WidgetOptions {
  /** Checked at first. Default false. */
  value?: boolean;
}

/** The `st.checkbox` and `st.toggle` methods; part of `inputMethods`. */
export const checkboxMethods = {
  /** A checkbox; returns whether it is checked. @example if (st.checkbox("Show raw data")) st.json(rows); */
  checkbox(this: Drawable, label: string, options?: CheckboxOptions): boolean {
    return checkbox(this[TARGET], checkboxKind, label, options);
  },
  /** An on/off switch; returns whether it is on. @example const dark = st.toggle("Dark mode"); */
  toggle(this: Drawable, label: string, options?: CheckboxOptions): boolean {
    return checkbox(this[TARGET], toggleKind, label, options);
  },
};

/** Draws a checkbox, or a switch for the toggle kind, and returns whether it is checked. */
function checkbox(
  target: ElementTarget,
  definition: typeof checkboxKind | typeof toggleKind,
  label: string,
  options: CheckboxOptions = {},
): boolean {
  const defaultValue = options.value ?? false;
  const { id, value, shown } = registerWidget(target, definition, {
    label,
    key: options.key,
    identity: [defaultValue],
    settings: {},
    defaultValue,
    onChange: options.onChange,
  });
  target.emit(definition.kind, baseProps(id, label, options, { value: shown }));
  return value;
}

// --- The kinds ---

const booleanCodec = checkedCodec((value: unknown) =>
  typeof value === "boolean" ? undefined : `expected true or false, got ${describe(value)}`,
);

/** The checkbox kind: true or false; it keeps no settings. */
export const checkboxKind = defineWidget("checkbox", { codec: booleanCodec });
/** The toggle kind: a checkbox drawn as a switch. */
export const toggleKind = defineWidget("toggle", { codec: booleanCodec });
