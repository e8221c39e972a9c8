import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import type { ElementTarget } from "../core/target.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `checkbox` and `toggle`. */
export interface CheckboxOptions extends WidgetOptions {
  /** Checked at first. Default false. */
  value?: boolean;
}

/**
 * A checkbox (or, with the toggle kind, a switch). Returns whether it is checked.
 * @example if (st.checkbox("Show raw data")) st.json(rows);
 */
export function checkbox(
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
