import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { isTime } from "./calendar.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { toTimeOfDay } from "./calendar.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `timeInput`. */
export interface TimeInputOptions extends WidgetOptions {
  /**
   * The time shown at first: "HH:MM", "HH:MM:SS" or a `Date` (its UTC time of
   * day); null starts empty (the widget then returns null until a time is
   * picked). Default: now, as the server's UTC time, to the minute.
   */
  value?: string | Date | null;
  /** The picker's interval in seconds, from 1 to 23 hours. Default 900 (15 minutes). Under 60, times carry seconds. */
  step?: number;
}

const MAX_STEP = 23 * 3600;

/** The `st.timeInput` method; part of `inputMethods`. */
export const timeInputMethods = {
  /**
   * A time field: returns "HH:MM" ("HH:MM:SS" when `step` is under 60 seconds; seconds of a
   * value given with a longer step are dropped), or null when `value: null` and nothing is
   * picked. Default: now (the server's UTC time).
   * @example const alarm = st.timeInput("Alarm", { value: "07:30", step: 300 });
   */
  timeInput: timeInputMethod,
};

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
function timeInputMethod(
  this: Drawable,
  label: string,
  options: TimeInputOptions = {},
): string | null {
  const target = this[TARGET];
  const name = `timeInput "${label}"`;
  const step = options.step ?? 900;
  if (!Number.isInteger(step) || step < 1 || step > MAX_STEP) {
    throw new EdgelitApiError(
      `${name}: step must be a whole number of seconds from 1 to ${MAX_STEP} (23 hours), got ${step}.`,
    );
  }
  const withSeconds = step < 60;
  const given = options.value === undefined ? new Date() : options.value;
  const defaultValue = given === null ? null : toTimeOfDay(given, withSeconds);
  if (defaultValue === undefined)
    throw new EdgelitApiError(
      `${name}: value must be "HH:MM", "HH:MM:SS" or a valid Date, got ${JSON.stringify(given)}.`,
    );
  const { id, value, shown } = registerWidget(target, timeInputKind, {
    label,
    key: options.key,
    // "now" rather than the time, so the widget keeps its value as the clock moves.
    identity: [options.value === undefined ? "now" : defaultValue, step],
    settings: { step, ...(given === null && { nullable: true }) },
    defaultValue,
    onChange: options.onChange,
  });
  target.emit(
    "timeInput",
    baseProps(id, label, options, {
      value: shown,
      step,
      ...(given === null && { nullable: true }),
    }),
  );
  return value;
}

// --- The kind ---

/** What checking a time needs: its step in seconds (under 60, times carry seconds), and whether it may be empty. */
export interface TimeSettings {
  step?: number;
  nullable?: boolean;
}

/** A time "HH:MM", or "HH:MM:SS" when the step is under a minute; null when allowed. */
function timeCheck(value: unknown, settings: TimeSettings): string | undefined {
  if (value === null && settings.nullable) return undefined;
  const withSeconds = (settings.step ?? 900) < 60;
  return isTime(value, withSeconds)
    ? undefined
    : `expected a time as "${withSeconds ? "HH:MM:SS" : "HH:MM"}", got ${describe(value)}`;
}

/** The time input kind: "HH:MM" or "HH:MM:SS", or null when it may be empty. */
export const timeInputKind = defineWidget("timeInput", { codec: checkedCodec(timeCheck) });
