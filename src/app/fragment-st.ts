import type { ScriptRun } from "../runner/script-run.ts";
import { EdgelitApiError, RerunSignal, StopSignal } from "../runner/signals.ts";
import type { Container } from "./container.ts";
import { createSessionState } from "./session-state.ts";
import type { RerunOptions, St } from "./st.ts";

/**
 * The `st` a fragment's body gets: the element API of its block, the session,
 * and a `rerun` that can rerun the fragment alone. It has no sidebar: the
 * fragment's reruns redraw only its block.
 */
export function createFragmentSt(block: Container, run: ScriptRun): St {
  const st = Object.assign(block, {
    session: createSessionState(run),
    rerun(options: RerunOptions = {}): never {
      throw new RerunSignal(options.scope ?? "app");
    },
    stop(): never {
      throw new StopSignal();
    },
  });
  return Object.defineProperty(st, "sidebar", {
    get(): never {
      throw new EdgelitApiError("A fragment draws only into its own block, not st.sidebar. To put it in the sidebar, call it there: myFragment(st.sidebar, args).");
    },
  }) as St;
}
