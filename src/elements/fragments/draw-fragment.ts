import { TARGET, type Drawable } from "../core/target.ts";
import {
  DRAW_FRAGMENT,
  findFragment,
  type FragmentDefinition,
} from "../../runner/fragment-registry.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { unkeepableAt } from "../../session/codec.ts";

/** The hidden container method behind every fragment and dialog call (see DRAW_FRAGMENT). */
export const fragmentHostMethods = {
  /** One call of a fragment in a run: its block, its record entry, then its body. */
  [DRAW_FRAGMENT](this: Drawable, definition: FragmentDefinition, args: unknown): unknown {
    const target = this[TARGET];
    const run = target.run;
    if (findFragment(definition.id) !== definition) {
      throw new EdgelitApiError(
        `The fragment "${definition.id}" was defined again after this one. Define each fragment once, at module scope.`,
      );
    }
    if (run.drawsNothing) return; // a callback draws nothing
    const unkeepable = unkeepableAt(args, "args");
    if (unkeepable) {
      throw new EdgelitApiError(
        `The arguments of fragment "${definition.id}" are kept in the session for its reruns, so they must be data: ${unkeepable} is not.`,
      );
    }
    const { dialog } = definition;
    // A fragment's own run draws only its block, outside any form: its widgets would leave the form.
    const form = run.forms.formAt(target.path);
    if (form) {
      throw new EdgelitApiError(
        `The ${dialog ? "dialog" : "fragment"} "${definition.id}" is drawn inside the form "${form.key}": fragments and dialogs cannot be in forms. Put the form inside it instead.`,
      );
    }
    if (dialog && run.fragments.hasDialog()) {
      throw new EdgelitApiError(
        `Only one dialog can be open at a time: "${dialog.title}" was opened while another is open.`,
      );
    }
    const instanceId = run.fragments.instanceIdFor(definition.id, target.path);
    const path = dialog
      ? target.emit("dialog", {
          id: instanceId,
          title: dialog.title,
          width: dialog.width,
          dismissible: dialog.dismissible,
        })
      : target.emit("fragment", {
          id: instanceId,
          ...(definition.runEvery !== undefined && { runEvery: definition.runEvery }),
        });
    if (path.at(-1)! < 0) return; // the block was not drawn (the run is closing)
    const page = run.location.runningPage;
    run.fragments.enter(instanceId, {
      definition: definition.id,
      path,
      args,
      widgets: [],
      ...(dialog && { dialog: true as const }),
      ...(page !== undefined && { page }),
    });
    return run.host.runFragment(target.binding, definition, path, args);
  },
};
