import { TARGET, type Drawable } from "../core/target.ts";
import { colorPicker, type ColorPickerOptions } from "./color-picker.ts";
import { dateInput, type DateInputOptions, type DateLike } from "./date-input.ts";
import { selectSlider, type SelectSliderOptions } from "./select-slider.ts";
import { timeInput, type TimeInputOptions } from "./time-input.ts";

export type {
  ColorPickerOptions,
  DateInputOptions,
  DateLike,
  SelectSliderOptions,
  TimeInputOptions,
};

/** The slider over options, and the date, time and colour pickers; part of `inputMethods`. */
export const pickerMethods = {
  /**
   * A slider whose stops are the options (any data): returns the chosen option, or
   * `[low, high]` when `value` is a pair of options.
   * @example
   * const size = st.selectSlider("Size", ["S", "M", "L"], { value: "M" });
   * const [from, to] = st.selectSlider("Months", ["Jan", "Feb", "Mar", "Apr"], { value: ["Feb", "Mar"] });
   */
  selectSlider: selectSliderMethod,
  /**
   * A date field: returns "YYYY-MM-DD" (today by default), `[start, end]` when `value` is a
   * pair, or null when `value: null` and nothing is picked. A `Date` given is read as its UTC day.
   * @example const day = st.dateInput("Birthday", { value: "1990-07-06", min: "1900-01-01" });
   */
  dateInput: dateInputMethod,
  /**
   * A time field: returns "HH:MM" ("HH:MM:SS" when `step` is under 60 seconds), or null when
   * `value: null` and nothing is picked. Default: now (the server's UTC time).
   * @example const alarm = st.timeInput("Alarm", { value: "07:30", step: 300 });
   */
  timeInput: timeInputMethod,
  /**
   * A colour picker: returns the colour as lowercase "#rrggbb".
   * @example const pen = st.colorPicker("Pen colour", { value: "#ff4b4b" });
   */
  colorPicker(this: Drawable, label: string, options?: ColorPickerOptions): string {
    return colorPicker(this[TARGET], label, options);
  },
};

function selectSliderMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings: SelectSliderOptions<Option> & { value: readonly [Option, Option] },
): [Option, Option];
function selectSliderMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings?: SelectSliderOptions<Option> & { value?: Option },
): Option;
function selectSliderMethod<Option>(
  this: Drawable,
  label: string,
  options: readonly Option[],
  settings?: SelectSliderOptions<Option>,
): Option | [Option, Option] {
  return selectSlider(this[TARGET], label, options, settings);
}

function dateInputMethod(
  this: Drawable,
  label: string,
  options: DateInputOptions & { value: readonly [DateLike, DateLike] },
): [string, string];
function dateInputMethod(
  this: Drawable,
  label: string,
  options: DateInputOptions & { value: null },
): string | null;
function dateInputMethod(
  this: Drawable,
  label: string,
  options?: DateInputOptions & { value?: DateLike },
): string;
function dateInputMethod(
  this: Drawable,
  label: string,
  options?: DateInputOptions,
): string | [string, string] | null {
  return dateInput(this[TARGET], label, options);
}

function timeInputMethod(
  this: Drawable,
  label: string,
  options: TimeInputOptions & { value: null },
): string | null;
function timeInputMethod(
  this: Drawable,
  label: string,
  options?: TimeInputOptions & { value?: string | Date },
): string;
function timeInputMethod(this: Drawable, label: string, options?: TimeInputOptions): string | null {
  return timeInput(this[TARGET], label, options);
}
