import type { Storage } from "unstorage";
import { withCacheStorage } from "../cache/cache-storage.ts";
import { errorSite } from "./script-errors.ts";
import { ROOTS } from "../protocol/index.ts";
import type { FragmentScope } from "./fragment-tracker.ts";
import { ScriptRun } from "./script-run.ts";
import { isControlSignal } from "./signals.ts";

/**
 * The user dismissed the dialog `scope`. Without `onDismiss` nothing of the
 * app runs: the dialog's block becomes an empty one in the page and the record
 * (the run then forgets its widgets and its entry, so no later rerun of it
 * reopens it). With `onDismiss`, the callback runs and the app reruns ("rerun").
 */
export async function closeDialog(
  run: ScriptRun,
  scope: FragmentScope,
  cacheStorage?: Storage,
): Promise<"completed" | "failed" | "rerun"> {
  if (!scope.definition.dialog?.onDismiss) {
    run.placement.emitter.replace(scope.state.path, "empty", {});
    return "completed";
  }
  // As in the app's other callbacks, st.queryParams and st.switchPage act on the URL of the run to come.
  const callbacks = new ScriptRun({
    record: run.record,
    mode: "callbacks",
    host: run.host,
    location: run.location,
    dev: run.dev,
    env: run.env,
    visit: run.visit,
  });
  const site = `the onDismiss of ${errorSite(run.location, scope)}`;
  run.redraw(undefined);
  try {
    await withCacheStorage(cacheStorage, () =>
      run.host.runDismiss(callbacks.binding, scope.definition, scope.state.args),
    );
  } catch (error) {
    if (!isControlSignal(error)) {
      run.emit([ROOTS.main], "exception", run.uncaught(error, site));
      return "failed";
    }
  }
  return "rerun";
}
