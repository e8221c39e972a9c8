import type { WidgetSpec } from "../../session/record.ts";
import { dayNumber, fromDayNumber, isIsoDate, isTime } from "./calendar.ts";
import { describe, fromCheck, indexOfOption, isIndex, ok, refuse, type WidgetCodec } from "./codec-kit.ts";

/** A slider over options: the client sends an index, or `[i, j]` for a range; the app sees the options. */
const selectSlider: WidgetCodec = {
  fromClient(raw, spec) {
    const options = spec.options ?? [];
    const expected = `an option number from 0 to ${options.length - 1}`;
    if (!spec.range) {
      if (Array.isArray(raw)) return refuse("expected one option, got a range");
      return isIndex(raw, options.length) ? ok(options[raw]) : refuse(`expected ${expected}, got ${describe(raw)}`);
    }
    if (!Array.isArray(raw) || raw.length !== 2 || !raw.every((index) => isIndex(index, options.length))) {
      return refuse(`expected a range [low, high] of option numbers from 0 to ${options.length - 1}, got ${describe(raw)}`);
    }
    const [low, high] = raw as [number, number];
    if (low > high) return refuse(`the range's low end (option ${low}) is above its high end (option ${high})`);
    return ok([options[low], options[high]]);
  },
  check(value, spec) {
    const options = spec.options ?? [];
    const notAnOption = (option: unknown) => (indexOfOption(options, option) === -1 ? `${describe(option)} is not one of the options` : undefined);
    if (!spec.range) return notAnOption(value);
    if (!Array.isArray(value) || value.length !== 2) return `expected a range [low, high] of options, got ${describe(value)}`;
    const reason = notAnOption(value[0]) ?? notAnOption(value[1]);
    if (reason) return reason;
    return indexOfOption(options, value[0]) <= indexOfOption(options, value[1]) ? undefined : `the range's low end ${describe(value[0])} comes after its high end ${describe(value[1])}`;
  },
};

/** A date "YYYY-MM-DD" within the spec's `min` and `max` (day numbers), a `[start, end]` range, or null when allowed. */
function dateCheck(value: unknown, spec: WidgetSpec): string | undefined {
  if (!spec.range) {
    if (value === null && spec.nullable) return undefined;
    return Array.isArray(value) ? "expected one date, got a range" : oneDateCheck(value, spec);
  }
  if (!Array.isArray(value) || value.length !== 2) return `expected a date range [start, end], got ${describe(value)}`;
  const reason = oneDateCheck(value[0], spec) ?? oneDateCheck(value[1], spec);
  if (reason) return reason;
  return (value[0] as string) <= (value[1] as string) ? undefined : `the range starts on ${value[0]}, after it ends on ${value[1]}`;
}

function oneDateCheck(value: unknown, spec: WidgetSpec): string | undefined {
  if (!isIsoDate(value)) return `expected a date as "YYYY-MM-DD", got ${describe(value)}`;
  if (spec.min !== undefined && dayNumber(value) < spec.min) return `${value} is before the earliest date ${fromDayNumber(spec.min)}`;
  if (spec.max !== undefined && dayNumber(value) > spec.max) return `${value} is after the latest date ${fromDayNumber(spec.max)}`;
  return undefined;
}

/** A time "HH:MM", or "HH:MM:SS" when the step is under a minute; null when allowed. */
function timeCheck(value: unknown, spec: WidgetSpec): string | undefined {
  if (value === null && spec.nullable) return undefined;
  const withSeconds = (spec.step ?? 900) < 60;
  return isTime(value, withSeconds) ? undefined : `expected a time as "${withSeconds ? "HH:MM:SS" : "HH:MM"}", got ${describe(value)}`;
}

/** A colour as lowercase "#rrggbb". */
function colorCheck(value: unknown): string | undefined {
  return typeof value === "string" && /^#[0-9a-f]{6}$/.test(value) ? undefined : `expected a colour as "#rrggbb" (lowercase hex), got ${describe(value)}`;
}

/** The codecs of `selectSlider`, `dateInput`, `timeInput` and `colorPicker`. */
export const pickerCodecs = {
  selectSlider,
  dateInput: { fromClient: fromCheck(dateCheck), check: dateCheck },
  timeInput: { fromClient: fromCheck(timeCheck), check: timeCheck },
  colorPicker: { fromClient: fromCheck(colorCheck), check: colorCheck, normalize: (value) => toHexColor(value) ?? value },
} satisfies Record<string, WidgetCodec>;

/** "#rgb" or "#rrggbb" in any case as lowercase "#rrggbb"; undefined for anything else. */
export function toHexColor(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : undefined;
}
