import { ROOTS } from "../protocol/index.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import { RerunSignal, StopSignal } from "../runner/signals.ts";
import { createContainer, type Container } from "./container.ts";
import { createPageControls, type PageControls } from "./pages/page-controls.ts";
import { createSessionState, type SessionState } from "./session-state.ts";

/**
 * The object an app receives: the main area's whole element API, plus the
 * sidebar, the session state and run control.
 */
export interface St extends Container, PageControls {
  /** The sidebar, with the whole element API. @example st.sidebar.selectbox("Page", ["Home", "About"]) */
  readonly sidebar: Container;
  /**
   * Per-tab session state. Survives reruns, reloads of the tab and server
   * restarts; a widget's `key` reads and writes its value.
   * @example st.session.count ??= 0; st.session.count++;
   */
  readonly session: SessionState;
  /** Stops this run and starts the app again from the top. @example if (done) st.rerun(); */
  rerun(): never;
  /** Ends this run here; what was drawn so far stays. @example if (!name) { st.warning("Enter a name"); st.stop(); } */
  stop(): never;
}

/** Creates the `st` object of one run: the main area's handle, with the rest added. */
export function createSt(run: ScriptRun): St {
  return Object.assign(createContainer(run, [ROOTS.main]), {
    sidebar: createContainer(run, [ROOTS.sidebar]),
    session: createSessionState(run),
    ...createPageControls(run),
    rerun(): never {
      throw new RerunSignal();
    },
    stop(): never {
      throw new StopSignal();
    },
  });
}
