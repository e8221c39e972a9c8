import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { fromDayNumber, isIsoDate } from "./calendar.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { addYears, dayNumber, todayUtc, toIsoDate } from "./calendar.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** A date as the app may give it: "YYYY-MM-DD", or a `Date` (its UTC day is taken). */
export type DateLike = string | Date;

/** Options of `dateInput`. */
export interface DateInputOptions extends WidgetOptions {
  /**
   * The date shown at first: a date, `[start, end]` for a range, or null to
   * start empty (the widget then returns null until a date is picked).
   * Default: today, as the server's UTC date. Unlike Streamlit, a range has
   * no one-date state while the user picks: it is two fields, always both
   * set, so an empty or one-date range is refused.
   */
  value?: DateLike | readonly [DateLike, DateLike] | null;
  /** The earliest date. Default: ten years before the value (or today). */
  min?: DateLike;
  /** The latest date. Default: ten years after the value (or today). */
  max?: DateLike;
  /**
   * How the date is written beside the label: "YYYY/MM/DD" (default),
   * "DD/MM/YYYY" or "MM/DD/YYYY", with "/", "-" or "." between the parts.
   */
  format?: string;
}

/** The date formats a date readout may use: "YYYY/MM/DD", "DD/MM/YYYY" or "MM/DD/YYYY", with "/", "-" or "." between. */
export const DATE_FORMAT = /^(?:YYYY([/.-])MM\1DD|DD([/.-])MM\2YYYY|MM([/.-])DD\3YYYY)$/;

/** The `st.dateInput` method; part of `inputMethods`. */
export const dateInputMethods = {
  /**
   * A date field, or two for a range: returns "YYYY-MM-DD" (today, the server's UTC date, by
   * default), `[start, end]` when `value` is a pair, or null when `value: null` and nothing is
   * picked. Values are ISO date strings, never `Date` objects, so no time zone can move them: a
   * `Date` given is read as its UTC day, and a value set through `st.session[key]` must be the
   * ISO string too. A range always holds both ends: its two fields cannot be half filled.
   * @example const day = st.dateInput("Birthday", { value: "1990-07-06", min: "1900-01-01" });
   */
  dateInput: dateInputMethod,
};

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
  options: DateInputOptions = {},
): string | [string, string] | null {
  const target = this[TARGET];
  const name = `dateInput "${label}"`;
  const given = options.value === undefined ? todayUtc() : options.value;
  const range = Array.isArray(given);
  if (range && given.length !== 2)
    throw new EdgelitApiError(
      `${name}: a range value is a pair [start, end], got ${given.length} dates.`,
    );
  const defaultValue =
    given === null
      ? null
      : range
        ? (given.map((date) => toDate(name, "value", date)) as [string, string])
        : toDate(name, "value", given as DateLike);
  const anchor =
    defaultValue === null
      ? [todayUtc()]
      : range
        ? (defaultValue as [string, string])
        : [defaultValue as string];
  const min =
    options.min === undefined ? addYears(anchor[0]!, -10) : toDate(name, "min", options.min);
  const max =
    options.max === undefined
      ? addYears(anchor[anchor.length - 1]!, 10)
      : toDate(name, "max", options.max);
  if (min > max) throw new EdgelitApiError(`${name}: min (${min}) is after max (${max}).`);
  const format = options.format ?? "YYYY/MM/DD";
  if (!DATE_FORMAT.test(format)) {
    throw new EdgelitApiError(
      `${name}: format must be "YYYY/MM/DD", "DD/MM/YYYY" or "MM/DD/YYYY" (with "/", "-" or "." between), got "${format}".`,
    );
  }
  const { id, value, shown } = registerWidget(target, dateInputKind, {
    label,
    key: options.key,
    // "today" rather than the date, so the widget keeps its value past midnight.
    identity: [
      options.value === undefined ? "today" : defaultValue,
      options.min === undefined ? null : min,
      options.max === undefined ? null : max,
      format,
    ],
    settings: {
      min: dayNumber(min),
      max: dayNumber(max),
      ...(range && { range: true }),
      ...(given === null && { nullable: true }),
    },
    defaultValue,
    onChange: options.onChange,
  });
  target.emit(
    "dateInput",
    baseProps(id, label, options, {
      value: shown,
      min,
      max,
      format,
      ...(given === null && { nullable: true }),
    }),
  );
  return value;
}

function toDate(name: string, option: string, value: unknown): string {
  const date = toIsoDate(value);
  if (date === undefined)
    throw new EdgelitApiError(
      `${name}: ${option} must be a "YYYY-MM-DD" date or a valid Date, got ${JSON.stringify(value)}.`,
    );
  return date;
}

// --- The kind ---

/** What checking a date needs: its bounds as day numbers, whether it is a range, whether it may be empty. */
export interface DateSettings {
  min?: number;
  max?: number;
  range?: boolean;
  nullable?: boolean;
}

/** A date "YYYY-MM-DD" within the settings's `min` and `max` (day numbers), a `[start, end]` range, or null when allowed. */
function dateCheck(value: unknown, settings: DateSettings): string | undefined {
  if (!settings.range) {
    if (value === null && settings.nullable) return undefined;
    return Array.isArray(value) ? "expected one date, got a range" : oneDateCheck(value, settings);
  }
  if (!Array.isArray(value) || value.length !== 2)
    return `expected a date range [start, end], got ${describe(value)}`;
  const reason = oneDateCheck(value[0], settings) ?? oneDateCheck(value[1], settings);
  if (reason) return reason;
  return (value[0] as string) <= (value[1] as string)
    ? undefined
    : `the range starts on ${value[0]}, after it ends on ${value[1]}`;
}

function oneDateCheck(value: unknown, settings: DateSettings): string | undefined {
  if (!isIsoDate(value)) return `expected a date as "YYYY-MM-DD", got ${describe(value)}`;
  if (settings.min !== undefined && dayNumber(value) < settings.min)
    return `${value} is before the earliest date ${fromDayNumber(settings.min)}`;
  if (settings.max !== undefined && dayNumber(value) > settings.max)
    return `${value} is after the latest date ${fromDayNumber(settings.max)}`;
  return undefined;
}

/** The date input kind: "YYYY-MM-DD" within its bounds, a `[start, end]` range, or null when it may be empty. */
export const dateInputKind = defineWidget("dateInput", { codec: checkedCodec(dateCheck) });
