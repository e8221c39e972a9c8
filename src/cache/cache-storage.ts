import { createStorage, type Storage } from "unstorage";
import { EdgelitApiError } from "../errors/api-error.ts";

/*
 * Where `cacheData` finds the store.
 *
 * Cached functions are defined at module scope, outside any run, and `src`
 * runs on Workers too, so there is no AsyncLocalStorage to follow a run
 * across its awaits. The store is therefore found, at the moment of a call,
 * in this order:
 *
 * 1. the run's store: `runEvent` sets it around each synchronous entry into
 *    app code (the script's start, each callback) and resets it before
 *    yielding. JavaScript runs one thing at a time, so while it is set it is
 *    the right one; after the script's first await it is simply unset.
 * 2. the process's store: the one `createServer` registered. A deployment
 *    runs one server per process or isolate, so this is what a call after an
 *    await uses. When servers with different stores share a process (tests),
 *    this step refuses to guess and throws rather than mix their caches.
 * 3. no server in this process at all (AppTest, a plain script): a
 *    process-local memory store.
 *
 * `cacheData(fn, { storage })` skips all of this.
 */

interface CacheStorageState {
  runStorage: Storage | undefined;
  serverStorage: Storage | undefined;
  severalServerStorages: boolean;
  memoryStorage: Storage | undefined;
}

/**
 * The state lives on globalThis, not in this module: `edgelit run` imports
 * the app with tsx's `tsImport`, which gives the app its own copy of every
 * `src` module, so the server's copy of this file and the app's must meet
 * somewhere. (The same holds for a bundler that duplicates the package.)
 */
const STATE_KEY = Symbol.for("edgelit.cacheStorage");
const state: CacheStorageState = ((globalThis as Record<symbol, unknown>)[STATE_KEY] ??= {
  runStorage: undefined,
  serverStorage: undefined,
  severalServerStorages: false,
  memoryStorage: undefined,
}) as CacheStorageState;

/** Registers the store of a server created in this process (called by `createServer`). */
export function setCacheStorage(storage: Storage): void {
  if (state.severalServerStorages || state.serverStorage === storage) return;
  if (state.serverStorage === undefined) {
    state.serverStorage = storage;
    return;
  }
  state.severalServerStorages = true;
  state.serverStorage = undefined;
}

/**
 * Calls `start` with `storage` as the current cache store, for the
 * synchronous part of the call only (what runs before its first await).
 */
export function withCacheStorage<T>(storage: Storage | undefined, start: () => T): T {
  if (storage === undefined) return start();
  const previous = state.runStorage;
  state.runStorage = storage;
  try {
    return start();
  } finally {
    state.runStorage = previous;
  }
}

/** The store a `cacheData` call made right now should use. */
export function currentCacheStorage(what: string): Storage {
  if (state.runStorage) return state.runStorage;
  if (state.severalServerStorages) {
    throw new EdgelitApiError(
      `${what} cannot tell which store to use: servers with different stores run in this process, and the call came after the script's first await. ` +
        "Call it before the first await, or give it a store: cacheData(fn, { storage }).",
    );
  }
  return state.serverStorage ?? (state.memoryStorage ??= createStorage());
}
