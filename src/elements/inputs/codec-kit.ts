import type { WidgetSpec } from "../../session/record.ts";

/**
 * How each widget kind checks values. `fromClient` takes what the browser
 * sent (an index for selection widgets) and returns the value the app sees;
 * `check` validates a value the app itself supplied (a default, or one set
 * through `st.session`). Both return a reason when they refuse.
 */
export interface WidgetCodec {
  fromClient(raw: unknown, spec: WidgetSpec): Decoded;
  check(value: unknown, spec: WidgetSpec): string | undefined;
  /**
   * Brings a value the app supplied through `st.session` into the one form the
   * widget keeps (a colour's `"#F44"` becomes `"#ff4444"`), before `check`.
   */
  normalize?(value: unknown): unknown;
}

export type Decoded = { ok: true; value: unknown } | { ok: false; reason: string };

/** A value the client sent, accepted as the app will see it. */
export const ok = (value: unknown): Decoded => ({ ok: true, value });
/** A value the client sent, refused for `reason`. */
export const refuse = (reason: string): Decoded => ({ ok: false, reason });
/** A `fromClient` for widgets whose wire value is the app's value: accepted when `check` finds nothing wrong. */
export const fromCheck = (check: WidgetCodec["check"]): WidgetCodec["fromClient"] => (raw, spec) => {
  const reason = check(raw, spec);
  return reason === undefined ? ok(raw) : refuse(reason);
};

/** The position of `value` among `options`, comparing data by content. */
export function indexOfOption(options: readonly unknown[], value: unknown): number {
  const wanted = stableJson(value);
  return options.findIndex((option) => option === value || stableJson(option) === wanted);
}

/** True when two widget values are the same data. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? `${inner}n` : inner)) ?? "undefined";
}

/** True for a whole number that indexes a list of `length` items. */
export function isIndex(value: unknown, length: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < length;
}

/** A value as a refusal reason quotes it: JSON, cut short. */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return "nothing";
  const json = stableJson(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
