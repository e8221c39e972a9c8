import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { addYears, isIsoDate, isTime, toTimeOfDay } from "./calendar.ts";
import { baseProps, type WidgetOptions } from "./common.ts";
import { DATE_FORMAT } from "./date-input.ts";

/** A date and time as the app may give it: "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS", or a `Date` (read in UTC). */
export type DateTimeLike = string | Date;

/** Options of `datetimeInput`. */
export interface DatetimeInputOptions extends WidgetOptions {
  /**
   * The date and time shown at first, or null to start empty (the widget
   * then returns null until one is picked). Default: now, as the server's
   * UTC time, rounded to the step.
   */
  value?: DateTimeLike | null;
  /** The earliest date and time. Default: midnight ten years before the value's day (or today). */
  min?: DateTimeLike;
  /** The latest date and time. Default: the end of the day ten years after the value's day (or today). */
  max?: DateTimeLike;
  /** The picker's interval in seconds, from 1 to 23 hours. Default 900 (15 minutes). Under 60, values carry seconds. */
  step?: number;
  /**
   * How the date is written beside the label: "YYYY/MM/DD" (default),
   * "DD/MM/YYYY" or "MM/DD/YYYY", with "/", "-" or "." between the parts.
   */
  format?: string;
}

const MAX_STEP = 23 * 3600;

/** The `st.datetimeInput` method; part of `inputMethods`. */
export const datetimeInputMethods = {
  /**
   * A date-and-time field, as Streamlit's `datetime_input`: returns "YYYY-MM-DDTHH:MM"
   * ("YYYY-MM-DDTHH:MM:SS" when `step` is under 60 seconds), or null when `value: null` and
   * nothing is picked. Default: now (the server's UTC time) rounded to the step. There is no
   * time zone: a `Date` given is read in UTC.
   * @example const start = st.datetimeInput("Start", { value: "2026-12-07T10:30", step: 1800 });
   */
  datetimeInput: datetimeInputMethod,
};

function datetimeInputMethod(
  this: Drawable,
  label: string,
  options: DatetimeInputOptions & { value: null },
): string | null;
function datetimeInputMethod(
  this: Drawable,
  label: string,
  options?: DatetimeInputOptions & { value?: DateTimeLike },
): string;
function datetimeInputMethod(
  this: Drawable,
  label: string,
  options: DatetimeInputOptions = {},
): string | null {
  const target = this[TARGET];
  const name = `datetimeInput "${label}"`;
  const step = options.step ?? 900;
  if (!Number.isInteger(step) || step < 1 || step > MAX_STEP) {
    throw new EdgelitApiError(
      `${name}: step must be a whole number of seconds from 1 to ${MAX_STEP} (23 hours), got ${step}.`,
    );
  }
  const withSeconds = step < 60;
  const shape = (full: string) => (withSeconds ? full : full.slice(0, 16));
  const given =
    options.value === undefined
      ? new Date(Math.round(Date.now() / (step * 1000)) * step * 1000)
      : options.value;
  const full = given === null ? null : toFull(name, "value", given);
  const anchorDay = (full ?? new Date().toISOString()).slice(0, 10);
  const min =
    options.min === undefined
      ? `${addYears(anchorDay, -10)}T00:00:00`
      : toFull(name, "min", options.min);
  const max =
    options.max === undefined
      ? `${addYears(anchorDay, 10)}T23:59:59`
      : toFull(name, "max", options.max);
  if (min > max)
    throw new EdgelitApiError(`${name}: min (${shape(min)}) is after max (${shape(max)}).`);
  const format = options.format ?? "YYYY/MM/DD";
  if (!DATE_FORMAT.test(format)) {
    throw new EdgelitApiError(
      `${name}: format must be "YYYY/MM/DD", "DD/MM/YYYY" or "MM/DD/YYYY" (with "/", "-" or "." between), got "${format}".`,
    );
  }
  const defaultValue = full === null ? null : shape(full);
  const nullable = given === null ? { nullable: true } : {};
  const { id, value, shown } = registerWidget(target, datetimeInputKind, {
    label,
    key: options.key,
    // "now" rather than the time, so the widget keeps its value as the clock moves.
    identity: [
      options.value === undefined ? "now" : defaultValue,
      options.min === undefined ? null : min,
      options.max === undefined ? null : max,
      step,
      format,
    ],
    settings: { step, min, max, ...nullable },
    defaultValue,
    onChange: options.onChange,
  });
  target.emit(
    "datetimeInput",
    baseProps(id, label, options, {
      value: shown,
      min: shape(min),
      max: shape(max),
      step,
      format,
      ...nullable,
    }),
  );
  return value;
}

// --- The kind ---

/** What checking a datetime needs: its step in seconds (under 60, values carry seconds), its bounds as "YYYY-MM-DDTHH:MM:SS", whether it may be empty. */
export interface DatetimeSettings {
  step?: number;
  min?: string;
  max?: string;
  nullable?: boolean;
}

/** "YYYY-MM-DDTHH:MM" (or with ":SS" when the step is under a minute) within the bounds; null when allowed. */
function datetimeCheck(value: unknown, settings: DatetimeSettings): string | undefined {
  if (value === null && settings.nullable) return undefined;
  const withSeconds = (settings.step ?? 900) < 60;
  if (!isDateTime(value, withSeconds))
    return `expected a datetime as "${withSeconds ? "YYYY-MM-DDTHH:MM:SS" : "YYYY-MM-DDTHH:MM"}", got ${describe(value)}`;
  const full = withSeconds ? value : `${value}:00`;
  const shape = (bound: string) => (withSeconds ? bound : bound.slice(0, 16));
  if (settings.min !== undefined && full < settings.min)
    return `${value} is before the earliest ${shape(settings.min)}`;
  if (settings.max !== undefined && full > settings.max)
    return `${value} is after the latest ${shape(settings.max)}`;
  return undefined;
}

/** The datetime input kind: "YYYY-MM-DDTHH:MM[:SS]" within its bounds, or null when it may be empty. */
export const datetimeInputKind = defineWidget("datetimeInput", {
  codec: checkedCodec(datetimeCheck),
});

// --- Internal helpers ---

function isDateTime(value: unknown, withSeconds: boolean): value is string {
  if (typeof value !== "string" || value[10] !== "T") return false;
  return isIsoDate(value.slice(0, 10)) && isTime(value.slice(11), withSeconds);
}

/** A datetime string or a `Date` (in UTC) as "YYYY-MM-DDTHH:MM:SS"; an API error when it is neither. */
function toFull(name: string, option: string, value: unknown): string {
  const text =
    value instanceof Date && !Number.isNaN(value.getTime())
      ? value.toISOString().slice(0, 19)
      : value;
  if (typeof text === "string" && text[10] === "T" && isIsoDate(text.slice(0, 10))) {
    const time = toTimeOfDay(text.slice(11), true);
    if (time !== undefined) return `${text.slice(0, 10)}T${time}`;
  }
  throw new EdgelitApiError(
    `${name}: ${option} must be "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" or a valid Date, got ${JSON.stringify(value)}.`,
  );
}
