import type { WidgetKind } from "../../protocol/index.ts";
import type { RegisteredWidget, WidgetCall } from "../../runner/widget-registry.ts";
import {
  stableJson,
  type Decoded,
  type WidgetCodec,
  type WidgetRules,
} from "../../runner/widget-rules.ts";
import type { ElementTarget } from "./target.ts";

export type { Decoded, WidgetCodec } from "../../runner/widget-rules.ts";

/**
 * One widget kind, defined once next to its method: its name, its codec and
 * its flags (see WidgetRules), with `Settings` the typed part of it the
 * session record keeps. The table in ./kinds.ts lists every kind.
 */
export interface WidgetKindDefinition<
  K extends WidgetKind = WidgetKind,
  Settings = unknown,
> extends WidgetRules<Settings> {
  readonly kind: K;
}

/**
 * Defines a widget kind.
 * @example export const checkboxKind = defineWidget("checkbox", { codec: booleanCodec });
 */
export function defineWidget<K extends WidgetKind, Settings>(
  kind: K,
  rules: WidgetRules<Settings>,
): WidgetKindDefinition<K, Settings> {
  return { kind, ...rules };
}

/** What a widget's method tells its kind about one call (the kind and place come from the definition and target). */
export type WidgetCallOf<Value, Settings> = Omit<WidgetCall<Value>, "settings"> & {
  settings: Settings;
};

/**
 * Registers one call of a widget of `definition`'s kind drawn into `target`:
 * returns its id, the value the app sees and the value the page shows.
 * @example const { id, value } = registerWidget(target, checkboxKind, { label, key, identity: [false], settings: {}, defaultValue: false, onChange });
 */
export function registerWidget<Value, Settings>(
  target: ElementTarget,
  definition: WidgetKindDefinition<WidgetKind, Settings>,
  // Settings come from the definition alone, so the call's settings are checked against them.
  call: WidgetCallOf<Value, NoInfer<Settings>>,
): RegisteredWidget<Value> {
  return target.run.widget<Value>(definition.kind, target.path, call);
}

/** A value the client sent, accepted as the app will see it. */
export const ok = (value: unknown): Decoded => ({ ok: true, value });
/** A value the client sent, refused for `reason`. */
export const refuse = (reason: string): Decoded => ({ ok: false, reason });

/** A codec for widgets whose wire value is the app's value: accepted when `check` finds nothing wrong. */
export function checkedCodec<Settings>(
  check: (value: unknown, settings: Settings) => string | undefined,
): WidgetCodec<Settings> {
  return {
    fromClient(raw, settings) {
      const reason = check(raw, settings);
      return reason === undefined ? ok(raw) : refuse(reason);
    },
    check,
  };
}

/** The position of `value` among `options`, comparing data by content. */
export function indexOfOption(options: readonly unknown[], value: unknown): number {
  const wanted = stableJson(value);
  return options.findIndex((option) => option === value || stableJson(option) === wanted);
}

/** True for a whole number that indexes a list of `length` items. */
export function isIndex(value: unknown, length: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < length;
}

/** A value as a refusal reason quotes it: JSON, cut short. */
export function describe(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return "nothing";
  const json = stableJson(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
