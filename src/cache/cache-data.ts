import { Table } from "apache-arrow";
import type { SuperJSONResult } from "superjson";
import type { Storage } from "unstorage";
import { storedJson } from "../session/stored-json.ts";
import {
  CACHE_PREFIX,
  argumentsKey,
  defaultCacheName,
  entryKey,
  functionPrefix,
} from "./cache-key.ts";
import { evictOldest, freshEntry, removeAll, writeEntry, writeFrameEntry } from "./cache-entry.ts";
import { loadFrame, storeFrame, type FrameRef } from "./cached-frame.ts";
import { currentCacheStorage } from "./cache-storage.ts";
import { describeNonData } from "./cache-value.ts";
import { runAsCachedCall } from "./cached-call.ts";
import {
  currentCacheRun,
  followCacheRuns,
  outsideCacheRun,
  sessionOf,
  showSpinner,
  type CacheRun,
} from "./cache-run.ts";
import { runInBackground } from "./background-tasks.ts";
import { ownArrowTable } from "./own-arrow-table.ts";

/** Options of {@link cacheData}. */
export interface CacheDataOptions {
  /** Seconds a result stays fresh. Default: kept until cleared. */
  ttl?: number;
  /** Most results kept for this function (the oldest go first). Default: no limit. */
  maxEntries?: number;
  /** The cache's identity. Default: the function's name and a hash of its source, so editing it starts afresh. */
  name?: string;
  /** The store to keep results in. Default: the store of the server running the app. */
  storage?: Storage;
  /**
   * Shows a spinner in the page while the function computes (never for a
   * result from the cache): `true` for "Running loadSales(...).", or the
   * text to show. The slot it took stays, empty. Default: no spinner.
   */
  showSpinner?: boolean | string;
  /**
   * `"global"` (the default): one result per arguments for every session.
   * `"session"`: each session computes and keeps its own.
   */
  scope?: "global" | "session";
  /**
   * `"blocking"` (the default): past its `ttl` a result is computed again
   * while the caller waits. `"background"`: the stale result is returned at
   * once and the next is computed after it (on Workers, within the request's
   * `waitUntil`). Needs a `ttl`.
   */
  refresh?: "blocking" | "background";
}

/** A function wrapped by {@link cacheData}. */
export interface CachedDataFunction<Args extends unknown[], Result> {
  (...args: Args): Promise<Awaited<Result>>;
  /** Removes every result of this function from the store. */
  clear(): Promise<void>;
}

/** A call's outcome: data each caller decodes its own copy of, or a frame's Table, shared. */
type Outcome = { value: SuperJSONResult; table?: undefined } | { table: Table };

/** Calls in flight in this process, per store: concurrent calls with one key share one run. */
const inFlight = new WeakMap<Storage, Map<string, Promise<Outcome>>>();

/** Store keys a cached function remembers for recent arguments. */
const KEPT_ENTRY_KEYS = 256;

/** Decoded frames a cached function keeps in this process, the most recently used. */
const DECODED_FRAMES = 8;

/**
 * Memoises a function by its arguments in the shared store, like Streamlit's
 * `st.cache_data`: every replica and isolate sees a result once one of them
 * has computed it. Results must be data superjson keeps (Date, Map, Set,
 * BigInt, typed arrays and ArrayBuffer survive; a Buffer comes back a Buffer
 * where the runtime has one, else a Uint8Array); each call gets its own
 * copy, so mutating one changes nothing cached. Use {@link cacheResource}
 * for clients and connections.
 *
 * A function may also return an Apache Arrow `Table` (a frame): it is kept
 * as Arrow batches in the media store, and every call in a process gets the
 * same Table (do not change it in place), decoded once per process from the
 * store when another replica computed it. `st.dataframe` shows such a Table
 * from its stored batches, encoding and hashing nothing.
 *
 * @example
 * const loadSales = cacheData(async (region: string) => {
 *   const response = await fetch(`https://api.example.com/sales?region=${region}`);
 *   return (await response.json()) as { month: string; total: number }[];
 * }, { ttl: 600 });
 *
 * export default defineApp(async (st) => {
 *   const region = st.selectbox("Region", ["EU", "US"]);
 *   st.write(await loadSales(region));
 * });
 */
export function cacheData<Args extends unknown[], Result>(
  fn: (...args: Args) => Result,
  options: CacheDataOptions = {},
): CachedDataFunction<Args, Result> {
  if (typeof fn !== "function") throw new TypeError("cacheData expects a function");
  const { ttl, maxEntries, scope = "global", refresh = "blocking" } = options;
  if (ttl !== undefined && !(ttl > 0 && Number.isFinite(ttl)))
    throw new TypeError(`cacheData: ttl must be a positive number of seconds; got ${ttl}`);
  if (maxEntries !== undefined && !(Number.isInteger(maxEntries) && maxEntries > 0)) {
    throw new TypeError(`cacheData: maxEntries must be a positive integer; got ${maxEntries}`);
  }
  if (scope !== "global" && scope !== "session")
    throw new TypeError(`cacheData: scope must be "global" or "session"; got ${String(scope)}`);
  if (refresh !== "blocking" && refresh !== "background")
    throw new TypeError(
      `cacheData: refresh must be "blocking" or "background"; got ${String(refresh)}`,
    );
  if (refresh === "background" && ttl === undefined)
    throw new TypeError('cacheData: refresh: "background" needs a ttl (when is a result stale?)');
  const background = refresh === "background";
  // Both need the calling run after the script's awaits.
  if (scope === "session" || options.showSpinner) followCacheRuns();
  const name = options.name ?? defaultCacheName(fn);
  const label = options.name ?? (fn.name || "anonymous");
  const prefix = functionPrefix(label, name);
  const what = `cacheData(${label})`;
  const spinnerText =
    typeof options.showSpinner === "string"
      ? options.showSpinner
      : options.showSpinner
        ? `Running ${label}(...).`
        : undefined;
  // Found synchronously, before the first await: see cache-storage.ts.
  const storageNow = () => options.storage ?? currentCacheStorage(what);

  // Store keys of recent arguments: a SHA-256 per call costs more than the rest of a hit.
  const entryKeys = new Map<string, string>();
  // The decoded Table of each recent frame entry, by key, with the version it was decoded from.
  const decoded = new Map<string, { version: string; table: Table }>();
  const remember = (key: string, version: string, table: Table) => {
    decoded.delete(key);
    decoded.set(key, { version, table });
    if (decoded.size > DECODED_FRAMES) decoded.delete(decoded.keys().next().value!);
  };
  const frameOf = async (storage: Storage, key: string, ref: FrameRef) => {
    const known = decoded.get(key);
    if (known?.version === ref.version) {
      remember(key, ref.version, known.table);
      return known.table;
    }
    const table = await loadFrame(storage, ref);
    if (table) remember(key, ref.version, table);
    return table;
  };

  async function lookupOrRun(
    storage: Storage,
    key: string,
    args: Args,
    caller: CacheRun | undefined,
  ): Promise<Outcome> {
    const now = Date.now();
    // A background-refreshed function serves an expired entry (and computes the next one).
    const stored = freshEntry(await storage.getItem(key), background ? -Infinity : now);
    if (stored) {
      const found =
        stored.frame === undefined
          ? { value: stored.value }
          : await frameOutcome(storage, key, stored.frame);
      if (found) {
        if (stored.expiresAt !== undefined && stored.expiresAt <= now)
          refreshLater(storage, key, args);
        return found;
      }
      // A batch gone from the store: computed again below.
    }
    return compute(storage, key, args, caller);
  }

  async function frameOutcome(
    storage: Storage,
    key: string,
    ref: FrameRef,
  ): Promise<Outcome | undefined> {
    const table = await frameOf(storage, key, ref);
    return table ? { table } : undefined;
  }

  async function compute(
    storage: Storage,
    key: string,
    args: Args,
    caller: CacheRun | undefined,
  ): Promise<Outcome> {
    const hideSpinner = spinnerText === undefined ? undefined : showSpinner(caller, spinnerText);
    let result: Result;
    try {
      result = await runAsCachedCall(what, () => fn(...args));
    } finally {
      hideSpinner?.();
    }
    if (result instanceof Table) {
      const table = ownArrowTable(result);
      const frame = await storeFrame(storage, table);
      await writeFrameEntry(storage, key, frame, ttl, background);
      remember(key, frame.version, table);
      if (maxEntries !== undefined) await evictOldest(storage, prefix, maxEntries);
      return { table };
    }
    const problem = describeNonData(result, "its result");
    if (problem) {
      throw new TypeError(
        `${what} cannot keep what the function returned: ${problem}. Cached results are stored as data (objects, arrays, Date, Map, Set, BigInt, ...); use cacheResource for clients, connections and other objects.`,
      );
    }
    const value = await writeEntry(storage, key, result, ttl, background);
    if (maxEntries !== undefined) await evictOldest(storage, prefix, maxEntries);
    return { value };
  }

  // Keys being computed again in the background by this process: one refresh each at a time.
  const refreshing = new Set<string>();
  function refreshLater(storage: Storage, key: string, args: Args): void {
    if (refreshing.has(key)) return;
    refreshing.add(key);
    // Not the calling run's work: cached functions it calls must not draw into that run.
    void outsideCacheRun(() =>
      runInBackground(() =>
        compute(storage, key, args, undefined).finally(() => refreshing.delete(key)),
      ),
    );
  }

  const cached = async (...args: Args): Promise<Awaited<Result>> => {
    // Found synchronously, before the first await, as the store is.
    const caller = scope === "session" || spinnerText !== undefined ? currentCacheRun() : undefined;
    const storage = storageNow();
    let argsKey = argumentsKey(args, what);
    if (scope === "session") argsKey = `${sessionOf(caller, what)}\u0000${argsKey}`;
    let key = entryKeys.get(argsKey);
    if (key === undefined) {
      key = await entryKey(prefix, name, argsKey);
      if (entryKeys.size >= KEPT_ENTRY_KEYS) entryKeys.delete(entryKeys.keys().next().value!);
      entryKeys.set(argsKey, key);
    }
    let calls = inFlight.get(storage);
    if (!calls) inFlight.set(storage, (calls = new Map()));
    let pending = calls.get(key);
    if (!pending) {
      pending = lookupOrRun(storage, key, args, caller).finally(() => calls.delete(key));
      calls.set(key, pending);
    }
    const outcome = await pending;
    if (outcome.table) return outcome.table as Awaited<Result>;
    // Every caller decodes its own copy, the one that ran the function too.
    return storedJson.deserialize<Awaited<Result>>(outcome.value);
  };
  return Object.assign(cached, {
    async clear() {
      await removeAll(storageNow(), prefix);
    },
  });
}

/**
 * Removes every `cacheData` result from a store, of every function and
 * version; sessions stay. Resolves to the number of entries removed.
 *
 * @example
 * const removed = await clearSharedCache(createStorage({ driver: redisDriver({ url }) }));
 */
export function clearSharedCache(storage: Storage): Promise<number> {
  return removeAll(storage, CACHE_PREFIX);
}
