import type { RunLocation } from "../runner/location.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/** What a query param can be set to: text, or a value written as text; a list sets the key several times. */
export type QueryParamValue = string | number | boolean | bigint;

/**
 * `st.queryParams`: the query string of the page's URL, read and written like
 * Streamlit's `st.query_params`. A key reads as its last value (`?a=1&a=2`
 * reads `"2"`); `getAll` returns every value. Writes show in the browser's
 * URL when the run ends (the current history entry is replaced), and a URL
 * typed or shared with a query is what the next run reads.
 *
 * Keys that are also method names (`get`, `set`, ...) are reached with
 * `get("get")` and `set("get", ...)`.
 *
 * @example
 * const tab = st.queryParams.tab ?? "overview";
 * st.queryParams.set("tab", "details");
 * delete st.queryParams.tab;
 */
export interface QueryParams extends QueryParamMethods {
  /** A key's last value, or undefined; setting it replaces every value of the key. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

/** The methods of {@link QueryParams}. */
export interface QueryParamMethods {
  /** The key's last value, or undefined. @example const q = st.queryParams.get("q") ?? ""; */
  get(key: string): string | undefined;
  /** Every value of the key, in order (`[]` when it is absent). @example st.queryParams.getAll("tag") */
  getAll(key: string): string[];
  /** Whether the key is in the URL. @example if (st.queryParams.has("debug")) st.json(state); */
  has(key: string): boolean;
  /** Sets a key to one value, or to several (a list); an empty list removes it. @example st.queryParams.set("tag", ["a", "b"]); */
  set(key: string, value: QueryParamValue | readonly QueryParamValue[]): void;
  /** Removes a key. @example st.queryParams.delete("q"); */
  delete(key: string): void;
  /** Removes every key. @example st.queryParams.clear(); */
  clear(): void;
  /** Every key with its last value. @example st.json(st.queryParams.toObject()); */
  toObject(): Record<string, string>;
  /** Replaces the whole query with these keys. @example st.queryParams.fromObject({ page: 2 }); */
  fromObject(params: Readonly<Record<string, QueryParamValue | readonly QueryParamValue[]>>): void;
  /** Sets these keys, keeping the others. @example st.queryParams.update({ sort: "name", dir: "asc" }); */
  update(params: Readonly<Record<string, QueryParamValue | readonly QueryParamValue[]>>): void;
}

/** The `st.queryParams` of one run; `location()` is read on each access (callbacks share the run's URL). */
export function createQueryParams(location: () => RunLocation): QueryParams {
  const query = () => location().query;
  const methods = {
    get: (key: string) => query().getAll(String(key)).at(-1),
    getAll: (key: string) => query().getAll(String(key)),
    has: (key: string) => query().has(String(key)),
    set(key: string, value: QueryParamValue | readonly QueryParamValue[]) {
      replaceValues(query(), String(key), toValues(key, value));
    },
    delete: (key: string) => query().delete(String(key)),
    clear() {
      for (const key of new Set(query().keys())) query().delete(key);
    },
    toObject: () =>
      Object.fromEntries(
        [...new Set(query().keys())].map((key) => [key, query().getAll(key).at(-1)!]),
      ),
    fromObject(params: Readonly<Record<string, QueryParamValue | readonly QueryParamValue[]>>) {
      const checked = checkedEntries(params, "fromObject");
      methods.clear();
      for (const [key, value] of checked) methods.set(key, value);
    },
    update(params: Readonly<Record<string, QueryParamValue | readonly QueryParamValue[]>>) {
      for (const [key, value] of checkedEntries(params, "update")) methods.set(key, value);
    },
  } satisfies QueryParamMethods;
  const isMethod = (name: string | symbol): name is keyof typeof methods =>
    typeof name === "string" && Object.hasOwn(methods, name);

  return new Proxy({} as QueryParams, {
    get(_target, name) {
      if (isMethod(name)) return methods[name];
      if (typeof name === "string") return methods.get(name);
      // `${st.queryParams}` reads as the query ("q=1&tag=a"): there is no toString to fall back on, a key may be named so.
      return name === Symbol.toPrimitive ? () => query().toString() : undefined;
    },
    set(_target, name, value) {
      if (typeof name !== "string") return false;
      if (isMethod(name))
        throw new EdgelitApiError(
          `st.queryParams.${name} is a method; set a key of that name with st.queryParams.set("${name}", value).`,
        );
      methods.set(name, value);
      return true;
    },
    deleteProperty(_target, name) {
      if (typeof name === "string") methods.delete(name);
      return true;
    },
    has: (_target, name) => typeof name === "string" && methods.has(name),
    ownKeys: () => [...new Set(query().keys())],
    getOwnPropertyDescriptor: (_target, name) =>
      typeof name === "string" && methods.has(name)
        ? { configurable: true, enumerable: true, writable: true, value: methods.get(name) }
        : undefined,
  });
}

/** Sets a key's values where the key first appears (a new key goes last), as a dict keeps its order. */
function replaceValues(query: URLSearchParams, key: string, values: string[]): void {
  const entries = [...query];
  const at = entries.findIndex(([name]) => name === key);
  const kept = entries.filter(([name]) => name !== key);
  const placed = values.map((value): [string, string] => [key, value]);
  kept.splice(at === -1 ? kept.length : at, 0, ...placed);
  for (const name of new Set(query.keys())) query.delete(name);
  for (const [name, value] of kept) query.append(name, value);
}

function toValues(key: string, value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item === "string") return item;
    if (typeof item === "number" || typeof item === "boolean" || typeof item === "bigint")
      return String(item);
    throw new EdgelitApiError(
      `st.queryParams.${key} cannot be set to ${item === null ? "null" : typeof item}: query params are text (numbers and booleans are written as text). To remove the key, use delete st.queryParams.${key}.`,
    );
  });
}

function checkedEntries(
  params: unknown,
  method: string,
): [string, QueryParamValue | readonly QueryParamValue[]][] {
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw new EdgelitApiError(
      `st.queryParams.${method} expects an object of keys and values, e.g. { page: "2" }.`,
    );
  }
  const entries = Object.entries(
    params as Record<string, QueryParamValue | readonly QueryParamValue[]>,
  );
  for (const [key, value] of entries) toValues(key, value);
  return entries;
}
