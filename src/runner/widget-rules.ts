import type { WidgetKind } from "../protocol/index.ts";

/**
 * How one widget kind checks values. `fromClient` takes what the browser
 * sent (an index for selection widgets) and returns the value the app sees;
 * `check` validates a value the app itself supplied (a default, or one set
 * through `st.session`). Both return a reason when they refuse. `Settings` is
 * what the kind keeps in the session record to check values (its range, its
 * options, ...).
 */
export interface WidgetCodec<Settings = unknown> {
  fromClient(raw: unknown, settings: Settings): Decoded;
  check(value: unknown, settings: Settings): string | undefined;
  /**
   * Brings a value the app supplied through `st.session` into the one form the
   * widget keeps (a colour's `"#F44"` becomes `"#ff4444"`), before `check`.
   */
  normalize?(value: unknown): unknown;
}

/** A value from the client, accepted as the app will see it, or refused with a reason. */
export type Decoded = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * What the runner needs to know of one widget kind. Each kind defines its
 * rules next to its method (src/elements); the table of every kind's rules
 * is handed to the runner at startup (see ScriptHost), never imported.
 */
export interface WidgetRules<Settings = unknown> {
  readonly codec: WidgetCodec<Settings>;
  /**
   * Set for trigger widgets (buttons, the chat input): the value their event
   * sends holds for exactly the run it causes; otherwise, and in the stored
   * record, they hold `idleValue` (false, null).
   */
  readonly trigger?: { readonly idleValue: unknown };
  /** Set for widgets whose value is uploaded files. */
  readonly upload?: true;
  /** Set for widgets a form cannot hold: what the error advises instead. */
  readonly notInForms?: string;
}

/** The rules of every widget kind; the compiler makes sure none is missing. */
export type WidgetRuleTable = { readonly [K in WidgetKind]: WidgetRules };

/** True when two widget values are the same data. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || stableJson(a) === stableJson(b);
}

/** JSON of any widget value (a bigint as `"12n"`), to compare values by content. */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? `${inner}n` : inner)) ??
    "undefined"
  );
}
