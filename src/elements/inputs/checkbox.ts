import { checkedCodec, defineWidget, describe } from "../core/widget-kind.ts";
import type { ElementTarget } from "../core/target.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `checkbox` and `toggle`. */
export interface CheckboxOptions extends WidgetOptions {
  /** Checked at first. Default false. */
  value?: boolean;
}

/**
 * A checkbox (or, with kind "toggle", a switch). Returns whether it is checked.
 * @example if (st.checkbox("Show raw data")) st.json(rows);
 */
export function checkbox(
  target: ElementTarget,
  kind: "checkbox" | "toggle",
  label: string,
  options: CheckboxOptions = {},
): boolean {
  const defaultValue = options.value ?? false;
  const { id, value, shown } = target.run.widget({
    kind,
    label,
    key: options.key,
    identity: [defaultValue],
    settings: {},
    defaultValue,
    onChange: options.onChange,
    at: target.path,
  });
  target.emit(kind, baseProps(id, label, options, { value: shown }));
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
