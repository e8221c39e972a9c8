import type { RunBinding } from "../runner/run-binding.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/**
 * `st.session`: the tab's session state. Plain properties hold the app's own
 * values; a widget's `key` reads and writes that widget's value, as in
 * Streamlit. Values must be data that superjson keeps (Date, Map, Set and
 * BigInt included), because the whole state is stored between events.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SessionState = Record<string, any>;

/** The `st.session` proxy of the run `binding` holds. */
export function createSessionState(binding: RunBinding): SessionState {
  const record = () => binding.run.record;
  const widgetWithKey = (key: string) => {
    const id = `key:${key}`;
    const widget = record().widgets[id];
    return widget ? { id, widget } : undefined;
  };

  const read = (name: string | symbol): unknown => {
    if (typeof name !== "string") return undefined;
    const keyed = widgetWithKey(name);
    if (keyed) return binding.run.widgets.valueOf(keyed.id);
    return record().session[name];
  };
  const has = (name: string | symbol): boolean =>
    typeof name === "string" &&
    (widgetWithKey(name) !== undefined || Object.hasOwn(record().session, name));

  return new Proxy({} as SessionState, {
    get: (_target, name) => read(name),
    set(_target, name, value) {
      if (typeof name !== "string") return false;
      const keyed = widgetWithKey(name);
      if (keyed && !binding.run.drawsNothing && binding.run.widgets.hasCreatedKey(name)) {
        throw new EdgelitApiError(
          `st.session.${name} cannot be changed after the widget with key "${name}" was drawn in this run. Set it before the widget, or in an onChange callback.`,
        );
      }
      if (!keyed) {
        record().session[name] = value;
        return true;
      }
      binding.run.widgets.setValue(name, keyed.id, value);
      return true;
    },
    deleteProperty(_target, name) {
      if (typeof name !== "string") return false;
      const keyed = widgetWithKey(name);
      if (keyed) delete record().widgets[keyed.id];
      delete record().session[name];
      return true;
    },
    has: (_target, name) => has(name),
    ownKeys() {
      const widgetKeys = Object.values(record().widgets).flatMap((widget) =>
        widget.key === undefined ? [] : [widget.key],
      );
      return [...new Set([...Object.keys(record().session), ...widgetKeys])];
    },
    getOwnPropertyDescriptor: (_target, name) =>
      has(name)
        ? { configurable: true, enumerable: true, writable: true, value: read(name) }
        : undefined,
  });
}
