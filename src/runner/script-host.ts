import type { ElementPath } from "../protocol/index.ts";
import type { FragmentDefinition } from "./fragment-registry.ts";
import type { RunBinding } from "./run-binding.ts";
import type { WidgetRuleTable } from "./widget-rules.ts";

/**
 * What the runner needs of the layers above it, handed down when a server
 * (or the test harness) starts: how each widget kind checks its values, and
 * how to call the app's code with the `st` it expects. The runner imports
 * nothing above itself; `createScriptHost` (src/app) makes the one in use.
 */
export interface ScriptHost {
  /** Every widget kind's codec and flags (the table in src/elements). */
  readonly widgets: WidgetRuleTable;
  /** Runs the app's script once, in the run `binding` holds. */
  runScript(binding: RunBinding): unknown;
  /** Runs a fragment's body in its block at `path`, with the arguments of its call. */
  runFragment(
    binding: RunBinding,
    fragment: FragmentDefinition,
    path: ElementPath,
    args: unknown,
  ): unknown;
  /** Runs a dialog's `onDismiss` (in a callbacks run). */
  runDismiss(binding: RunBinding, fragment: FragmentDefinition, args: unknown): unknown;
}
