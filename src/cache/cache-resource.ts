import { argumentsKey } from "./cache-key.ts";
import { runAsCachedCall } from "./cached-call.ts";

/** A function wrapped by {@link cacheResource}. */
export interface CachedResourceFunction<Args extends unknown[], Result> {
  (...args: Args): Result;
  /** Forgets every object made so far in this process; the next call makes a new one. */
  clear(): void;
}

/**
 * Memoises a function by its arguments in this process, like Streamlit's
 * `st.cache_resource`: every session the process serves gets the very same
 * object, so it suits clients, connection pools and models, which cannot
 * (and should not) go through the store. Each replica or isolate makes its
 * own. An async function's promise is kept, so concurrent first calls share
 * one creation; a rejected one is forgotten, so the next call retries.
 *
 * @example
 * const getDb = cacheResource((url: string) => new Pool({ connectionString: url }));
 *
 * export default defineApp(async (st) => {
 *   const rows = await getDb(process.env.DATABASE_URL!).query("select 1");
 *   st.write(rows);
 * });
 */
export function cacheResource<Args extends unknown[], Result>(
  fn: (...args: Args) => Result,
): CachedResourceFunction<Args, Result> {
  if (typeof fn !== "function") throw new TypeError("cacheResource expects a function");
  const what = `cacheResource(${fn.name || "anonymous"})`;
  const made = new Map<string, Result>();

  const cached = (...args: Args): Result => {
    const key = argumentsKey(args, what);
    if (made.has(key)) return made.get(key) as Result;
    const resource = runAsCachedCall(what, () => fn(...args));
    made.set(key, resource);
    if (resource instanceof Promise) {
      resource.catch(() => {
        if (made.get(key) === resource) made.delete(key);
      });
    }
    return resource;
  };
  return Object.assign(cached, { clear: () => made.clear() });
}
