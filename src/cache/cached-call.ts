import { EdgelitApiError } from "../errors/api-error.ts";

/*
 * Which cached function is computing, followed across its awaits, so that one
 * drawing an element is told at once. Only in development (a server created
 * with `dev`, as `edgelit run` and AppTest make): following async context
 * takes AsyncLocalStorage, which on Node 20 and 22 slows every await of the
 * process, a cost production should not pay for a programming error that
 * development shows. AsyncLocalStorage is found at run time (Node; Workers
 * with nodejs_compat) rather than imported, since `src` also runs where there
 * is none; where there is none, nothing is followed.
 */

interface AsyncContext<T> {
  run<R>(store: T, work: () => R): R;
  getStore(): T | undefined;
}

interface CachedCall {
  /** `cacheData(loadSales)`: how messages name the function. */
  what: string;
}

/** On globalThis: the app's copy of `src` (tsx's tsImport) and the server's must share it. */
const CONTEXT_KEY = Symbol.for("edgelit.cachedCall");

const holder = globalThis as Record<symbol, AsyncContext<CachedCall> | null | undefined>;

function context(): AsyncContext<CachedCall> | null | undefined {
  return holder[CONTEXT_KEY];
}

/** From now on, cached functions that draw are refused (a development server calls it). */
export function followCachedCalls(): void {
  if (holder[CONTEXT_KEY] !== undefined) return;
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const hooks = process?.getBuiltinModule?.("node:async_hooks") as
    | { AsyncLocalStorage?: new () => AsyncContext<CachedCall> }
    | undefined;
  holder[CONTEXT_KEY] = hooks?.AsyncLocalStorage ? new hooks.AsyncLocalStorage() : null;
}

/** Calls `work` (a cached function computing its result) marked as `what`, across its awaits. */
export function runAsCachedCall<R>(what: string, work: () => R): R {
  const tracker = context();
  return tracker ? tracker.run({ what }, work) : work();
}

/**
 * Throws when a cached function that is computing draws an element or a
 * widget: on a cache hit the function does not run, so what it drew would be
 * missing from the page on every later run, silently.
 */
export function refuseInsideCachedCall(): void {
  const call = context()?.getStore();
  if (!call) return;
  throw new EdgelitApiError(
    `${call.what} drew an element or a widget. A cached function does not run again when its result comes from the cache, so what it draws would be missing then: return what to show, and draw it outside the function.`,
  );
}
