import { argumentsKey } from "./cache-key.ts";
import { runAsCachedCall } from "./cached-call.ts";

/** Options of {@link cacheResource}. */
export interface CacheResourceOptions<Result> {
  /** Seconds an object is kept; the next call after that makes a new one. Default: kept until cleared. */
  ttl?: number;
  /** Most objects kept (the least recently used go first). Default: no limit. */
  maxEntries?: number;
  /**
   * Called with each object this cache lets go (past its ttl, past
   * `maxEntries`, or on `clear()`), an async function's once it has
   * resolved: close a pool or a client here. Its errors are ignored.
   */
  onRelease?: (resource: Awaited<Result>) => unknown;
}

/** A function wrapped by {@link cacheResource}. */
export interface CachedResourceFunction<Args extends unknown[], Result> {
  (...args: Args): Result;
  /** Forgets every object made so far in this process (releasing each); the next call makes a new one. */
  clear(): void;
}

interface Made<Result> {
  resource: Result;
  /** Epoch ms after which the object is released; absent: kept until cleared. */
  expiresAt?: number;
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
 * const getDb = cacheResource((url: string) => new Pool({ connectionString: url }), {
 *   ttl: 3600,
 *   onRelease: (pool) => pool.end(),
 * });
 *
 * export default defineApp(async (st) => {
 *   const rows = await getDb(process.env.DATABASE_URL!).query("select 1");
 *   st.write(rows);
 * });
 */
export function cacheResource<Args extends unknown[], Result>(
  fn: (...args: Args) => Result,
  options: CacheResourceOptions<Result> = {},
): CachedResourceFunction<Args, Result> {
  if (typeof fn !== "function") throw new TypeError("cacheResource expects a function");
  const { ttl, maxEntries, onRelease } = options;
  if (ttl !== undefined && !(ttl > 0 && Number.isFinite(ttl)))
    throw new TypeError(`cacheResource: ttl must be a positive number of seconds; got ${ttl}`);
  if (maxEntries !== undefined && !(Number.isInteger(maxEntries) && maxEntries > 0))
    throw new TypeError(`cacheResource: maxEntries must be a positive integer; got ${maxEntries}`);
  const what = `cacheResource(${fn.name || "anonymous"})`;
  // In order of last use, least recent first (a Map keeps insertion order).
  const made = new Map<string, Made<Result>>();

  const release = (entry: Made<Result>) => {
    if (!onRelease) return;
    void Promise.resolve(entry.resource)
      .then((resource) => onRelease(resource))
      .catch(() => {
        // A rejected creation has nothing to release; a failing onRelease is the app's to report.
      });
  };
  const forget = (key: string, entry: Made<Result>) => {
    if (made.get(key) !== entry) return;
    made.delete(key);
    release(entry);
  };

  const cached = (...args: Args): Result => {
    const key = argumentsKey(args, what);
    const known = made.get(key);
    if (known) {
      if (known.expiresAt === undefined || known.expiresAt > Date.now()) {
        made.delete(key);
        made.set(key, known);
        return known.resource;
      }
      forget(key, known);
    }
    const resource = runAsCachedCall(what, () => fn(...args));
    const entry: Made<Result> = { resource };
    if (ttl !== undefined) entry.expiresAt = Date.now() + ttl * 1000;
    made.set(key, entry);
    if (maxEntries !== undefined && made.size > maxEntries) {
      const [oldestKey, oldest] = made.entries().next().value!;
      forget(oldestKey, oldest);
    }
    if (resource instanceof Promise) {
      resource.catch(() => {
        // Forgotten without release: there is no object to release.
        if (made.get(key) === entry) made.delete(key);
      });
    }
    return resource;
  };
  return Object.assign(cached, {
    clear: () => {
      const entries = [...made.values()];
      made.clear();
      for (const entry of entries) release(entry);
    },
  });
}
