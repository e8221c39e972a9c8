import { widgetKinds } from "../elements/kinds.ts";
import type { RunBinding } from "../runner/run-binding.ts";
import type { FragmentDefinition } from "../runner/fragment-registry.ts";
import type { ScriptHost } from "../runner/script-host.ts";
import type { AppDefinition } from "./define-app.ts";
import { createFragmentSt } from "./fragment-st.ts";
import type { FragmentBody } from "./fragment.ts";
import { createSt, type St } from "./st.ts";

/**
 * The ScriptHost for `app`: the runner calls the app's script, its
 * fragments' bodies and its dialogs' `onDismiss` through it, each with the
 * `st` this copy of edgelit makes, and checks widget values with the table of
 * widget kinds.
 * @example const result = await runEvent({ host: createScriptHost(app), record, changes, previousTree: {}, send });
 */
export function createScriptHost(app: AppDefinition): ScriptHost {
  return {
    widgets: widgetKinds,
    runScript: (binding: RunBinding) => app.script(createSt(binding)),
    runFragment: (binding: RunBinding, fragment: FragmentDefinition, path, args) =>
      (fragment.body as FragmentBody<unknown>)(createFragmentSt(binding, path), args),
    runDismiss: (binding: RunBinding, fragment: FragmentDefinition, args) =>
      (fragment.dialog?.onDismiss as ((st: St, args: unknown) => unknown) | undefined)?.(
        createSt(binding),
        args,
      ),
  };
}
