import type { FragmentScope } from "./fragment-tracker.ts";
import type { ScriptRun } from "./script-run.ts";

/** Runs the body of the fragment a scoped run redraws, into its block, with the arguments of its last call, as part of the page that drew it. */
export function rerunFragment(run: ScriptRun, scope: FragmentScope): unknown {
  // Its widgets are the page's own, as in the full run that drew it.
  run.location.runningPage = scope.state.page;
  return run.host.runFragment(run.binding, scope.definition, scope.state.path, scope.state.args);
}
