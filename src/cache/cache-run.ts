import { EdgelitApiError } from "../errors/api-error.ts";

/*
 * The run a cached function is called from, for the cache variants that need
 * it: `scope: "session"` (whose session) and `showSpinner` (where to draw).
 *
 * As with the store (cache-storage.ts), the run is set around each
 * synchronous entry into app code, so a call before the script's first await
 * finds it. A call after an await finds it only where async context is
 * followed: `followCacheRuns()` turns that on, once a cached function that
 * needs it is defined, with AsyncLocalStorage (Node; Workers with
 * nodejs_compat). Following costs every await of the process something on
 * Node 20 and 22, so apps that use no such option do not pay for it.
 */

/** What a cached function may know of the run that calls it. */
export interface CacheRun {
  /** The session's id: the key of `scope: "session"` entries. */
  sessionId: string | undefined;
  /** Draws a spinner where the run draws next; the function returned removes it. */
  showSpinner(text: string): () => void;
}

interface AsyncContext<T> {
  run<R>(store: T, work: () => R): R;
  exit<R>(work: () => R): R;
  getStore(): T | undefined;
}

interface CacheRunState {
  current: CacheRun | undefined;
  /** Set once something needs the run after an await; null where there is no AsyncLocalStorage. */
  tracker: AsyncContext<CacheRun> | null | undefined;
}

/** On globalThis, as cache-storage.ts explains: the app's copy of `src` and the server's must meet. */
const STATE_KEY = Symbol.for("edgelit.cacheRun");
const state = ((globalThis as Record<symbol, unknown>)[STATE_KEY] ??= {
  current: undefined,
  tracker: undefined,
}) as CacheRunState;

/** From now on, runs are followed across awaits (where the runtime can). */
export function followCacheRuns(): void {
  if (state.tracker !== undefined) return;
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const hooks = process?.getBuiltinModule?.("node:async_hooks") as
    | { AsyncLocalStorage?: new () => AsyncContext<CacheRun> }
    | undefined;
  state.tracker = hooks?.AsyncLocalStorage ? new hooks.AsyncLocalStorage() : null;
}

/** Calls `start` (app code of one run) with `run` as the caller of cached functions. */
export function withCacheRun<T>(run: CacheRun | undefined, start: () => T): T {
  if (run === undefined) return start();
  const previous = state.current;
  state.current = run;
  try {
    return state.tracker ? state.tracker.run(run, start) : start();
  } finally {
    state.current = previous;
  }
}

/** The run calling a cached function right now, if it can be known. */
export function currentCacheRun(): CacheRun | undefined {
  return state.current ?? state.tracker?.getStore() ?? undefined;
}

/** Calls `start` as no run's code: work that outlives the run (a background refresh). */
export function outsideCacheRun<T>(start: () => T): T {
  const previous = state.current;
  state.current = undefined;
  try {
    return state.tracker ? state.tracker.exit(start) : start();
  } finally {
    state.current = previous;
  }
}

/** The calling run's session id, for a `scope: "session"` function; throws where none is known. */
export function sessionOf(caller: CacheRun | undefined, what: string): string {
  if (caller?.sessionId !== undefined) return caller.sessionId;
  throw new EdgelitApiError(
    `${what} keeps results per session (scope: "session"), but it was called outside a run of the app, or after an await where this runtime cannot follow the run (no AsyncLocalStorage: on Workers, enable nodejs_compat). Call it from the app's script, or use the default scope.`,
  );
}

/** Draws the spinner in the caller's page; a run that has stopped draws nothing. */
export function showSpinner(caller: CacheRun | undefined, text: string): (() => void) | undefined {
  if (!caller) return undefined;
  try {
    const hide = caller.showSpinner(text);
    return () => {
      try {
        hide();
      } catch {
        // The run ended meanwhile: nothing left to remove.
      }
    };
  } catch {
    // The page has gone: the run stops at its own next st.* call.
    return undefined;
  }
}
