import { isTriggerKind, widgetCodecs, type WidgetCodec } from "../elements/inputs/codecs.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/**
 * `st.session`: the tab's session state. Plain properties hold the app's own
 * values; a widget's `key` reads and writes that widget's value, as in
 * Streamlit. Values must be data that superjson keeps (Date, Map, Set and
 * BigInt included), because the whole state is stored between events.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SessionState = Record<string, any>;

/** The `st.session` proxy of one run. */
export function createSessionState(run: ScriptRun): SessionState {
  const widgetWithKey = (key: string) => {
    const id = `key:${key}`;
    const widget = run.record.widgets[id];
    return widget ? { id, widget } : undefined;
  };

  const read = (name: string | symbol): unknown => {
    if (typeof name !== "string") return undefined;
    const keyed = widgetWithKey(name);
    if (keyed) return run.widgetValue(keyed.id);
    return run.record.session[name];
  };
  const has = (name: string | symbol): boolean =>
    typeof name === "string" && (widgetWithKey(name) !== undefined || Object.hasOwn(run.record.session, name));

  return new Proxy({} as SessionState, {
    get: (_target, name) => read(name),
    set(_target, name, value) {
      if (typeof name !== "string") return false;
      const keyed = widgetWithKey(name);
      if (keyed && run.mode !== "callbacks" && run.hasCreatedKey(name)) {
        throw new EdgelitApiError(
          `st.session.${name} cannot be changed after the widget with key "${name}" was drawn in this run. Set it before the widget, or in an onChange callback.`,
        );
      }
      if (!keyed) {
        run.record.session[name] = value;
        return true;
      }
      if (isTriggerKind(keyed.widget.kind)) throw new EdgelitApiError(`st.session.${name} belongs to a ${keyed.widget.kind}; its value cannot be set.`);
      const codec: WidgetCodec = widgetCodecs[keyed.widget.kind];
      const kept = codec.normalize ? codec.normalize(value) : value;
      const problem = codec.check(kept, keyed.widget.spec);
      if (problem) throw new EdgelitApiError(`st.session.${name} cannot be set to that value: ${problem}.`);
      keyed.widget.value = kept;
      return true;
    },
    deleteProperty(_target, name) {
      if (typeof name !== "string") return false;
      const keyed = widgetWithKey(name);
      if (keyed) delete run.record.widgets[keyed.id];
      delete run.record.session[name];
      return true;
    },
    has: (_target, name) => has(name),
    ownKeys() {
      const widgetKeys = Object.values(run.record.widgets).flatMap((widget) => (widget.key === undefined ? [] : [widget.key]));
      return [...new Set([...Object.keys(run.record.session), ...widgetKeys])];
    },
    getOwnPropertyDescriptor: (_target, name) =>
      has(name) ? { configurable: true, enumerable: true, writable: true, value: read(name) } : undefined,
  });
}
