/*
 * Work that goes on after an answer: `cacheData`'s `refresh: "background"`.
 * On Node the process lives on, so a task simply runs. A Worker's isolate may
 * be stopped once its answers are sent, unless the work is handed to the
 * request's `ctx.waitUntil`: the Worker adapter registers it for each request
 * (`keepBackgroundTasksWith`), and a task is handed to the latest one.
 */

interface BackgroundState {
  keep: ((task: Promise<unknown>) => void) | undefined;
}

/** On globalThis, as cache-storage.ts explains. */
const STATE_KEY = Symbol.for("edgelit.backgroundTasks");
const state = ((globalThis as Record<symbol, unknown>)[STATE_KEY] ??= {
  keep: undefined,
}) as BackgroundState;

/** Hands later background tasks to `keep` (a Worker request's `ctx.waitUntil`). */
export function keepBackgroundTasksWith(keep: (task: Promise<unknown>) => void): void {
  state.keep = keep;
}

/** Starts `work` after the current synchronous code, without anyone awaiting it; errors are swallowed. */
export function runInBackground(work: () => Promise<unknown>): Promise<void> {
  const task = Promise.resolve()
    .then(work)
    .then(
      () => undefined,
      () => undefined,
    );
  try {
    state.keep?.(task);
  } catch {
    // The request that registered `keep` has ended: the task runs as long as the isolate does.
  }
  return task;
}
