import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `numberInput`. A `value` of null starts it empty. */
export interface NumberInputOptions<Value extends number | null> extends WidgetOptions {
  min?: number;
  max?: number;
  /** Default: `min`, else 0. */
  value?: Value;
  /** Default 1 for whole numbers, else 0.01. */
  step?: number;
  placeholder?: string;
}

/** The `st.numberInput` method; part of `inputMethods`. */
export const numberInputMethods = {
  /**
   * A number field with − and + buttons; null when `value: null` and left empty. Whole numbers
   * unless a bound, the step or the value has a fraction.
   * @example const qty = st.numberInput("Quantity", { min: 0, max: 10 });
   */
  numberInput<Value extends number | null = number>(
    this: Drawable,
    label: string,
    options: NumberInputOptions<Value> = {},
  ): Value {
    const target = this[TARGET];
    const { min, max } = options;
    const defaultValue = (options.value === undefined ? (min ?? 0) : options.value) as Value;
    const numbers = [min, max, defaultValue, options.step].filter(
      (n): n is number => typeof n === "number",
    );
    // As in Streamlit: whole numbers when every number given is whole; a bare `value: null` means decimals.
    const integer = numbers.length > 0 && numbers.every(Number.isInteger);
    const step = options.step ?? (integer ? 1 : 0.01);
    if (min !== undefined && max !== undefined && min > max)
      throw new EdgelitApiError(`numberInput "${label}": min (${min}) is above max (${max}).`);
    const { id, value, shown } = registerWidget(target, numberInputKind, {
      label,
      key: options.key,
      identity: [min, max, step, defaultValue],
      settings: {
        ...(min !== undefined && { min }),
        ...(max !== undefined && { max }),
        ...(integer && { integer: true }),
        ...(options.value === null && { nullable: true }),
      },
      defaultValue,
      onChange: options.onChange,
    });
    target.emit(
      "numberInput",
      baseProps(id, label, options, {
        value: shown as number | null,
        step,
        ...(min !== undefined && { min }),
        ...(max !== undefined && { max }),
        ...(options.placeholder !== undefined && { placeholder: options.placeholder }),
      }),
    );
    return value;
  },
};

// --- The kind ---

/** What checking a number needs: its bounds, whether it must be whole, and whether it may be empty. */
export interface NumberSettings {
  min?: number;
  max?: number;
  integer?: boolean;
  nullable?: boolean;
}

/** Why `value` is not a number these settings allow, or undefined. */
export function numberCheck(value: unknown, settings: NumberSettings): string | undefined {
  if (value === null && settings.nullable) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value))
    return `expected a number, got ${describe(value)}`;
  if (settings.integer && !Number.isInteger(value)) return `expected a whole number, got ${value}`;
  if (settings.min !== undefined && value < settings.min)
    return `${value} is below the minimum ${settings.min}`;
  if (settings.max !== undefined && value > settings.max)
    return `${value} is above the maximum ${settings.max}`;
  return undefined;
}

/** The number input kind: a number within its bounds, or null when it may be empty. */
export const numberInputKind = defineWidget("numberInput", { codec: checkedCodec(numberCheck) });
