import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { numberCheck, type NumberSettings } from "./number-input.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `slider`; a `[low, high]` value makes a range slider. */
export interface SliderOptions<Value extends number | [number, number]> extends WidgetOptions {
  min?: number;
  max?: number;
  /** The starting value: a number, or `[low, high]` for a range. Default: `min`. */
  value?: Value;
  /** Default 1 when min, max and value are whole numbers, else 0.01. */
  step?: number;
}

/** The `st.slider` method; part of `inputMethods`. */
export const sliderMethods = {
  /**
   * A slider for a number or, given a `[low, high]` value, a range.
   * @example const [lo, hi] = st.slider("Price", { min: 0, max: 100, value: [20, 80] });
   */
  slider<Value extends number | [number, number] = number>(
    this: Drawable,
    label: string,
    options: SliderOptions<Value> = {},
  ): Value {
    const target = this[TARGET];
    const min = options.min ?? 0;
    const max = options.max ?? 100;
    const defaultValue = (options.value ?? min) as Value;
    const numbers = [min, max, ...(Array.isArray(defaultValue) ? defaultValue : [defaultValue])];
    const step = options.step ?? (numbers.every(Number.isInteger) ? 1 : 0.01);
    if (!(min < max))
      throw new EdgelitApiError(`slider "${label}": min (${min}) must be below max (${max}).`);
    if (!(step > 0))
      throw new EdgelitApiError(`slider "${label}": step must be above 0, got ${step}.`);
    const range = Array.isArray(defaultValue);
    const { id, value, shown } = registerWidget(target, sliderKind, {
      label,
      key: options.key,
      identity: [min, max, step, defaultValue],
      settings: {
        min,
        max,
        ...(range && { range: true }),
        ...(Number.isInteger(step) && numbers.every(Number.isInteger) && { integer: true }),
      },
      defaultValue,
      onChange: options.onChange,
    });
    target.emit(
      "slider",
      baseProps(id, label, options, { min, max, step, value: shown as number | [number, number] }),
    );
    return value;
  },
};

// --- The kind ---

/** What checking a slider's value needs: its bounds, and whether it is a range or whole numbers. */
export interface SliderSettings extends NumberSettings {
  range?: boolean;
}

function sliderCheck(value: unknown, settings: SliderSettings): string | undefined {
  if (!settings.range)
    return Array.isArray(value) ? "expected one number, got a range" : numberCheck(value, settings);
  if (!Array.isArray(value) || value.length !== 2)
    return `expected a range [low, high], got ${describe(value)}`;
  const reason = numberCheck(value[0], settings) ?? numberCheck(value[1], settings);
  if (reason) return reason;
  return (value[0] as number) <= (value[1] as number)
    ? undefined
    : `the range's low end ${value[0]} is above its high end ${value[1]}`;
}

/** The slider kind: a number, or a `[low, high]` range, within its bounds. */
export const sliderKind = defineWidget("slider", { codec: checkedCodec(sliderCheck) });
