import { ROOTS } from "../protocol/index.ts";
import type { RunBinding } from "../runner/run-binding.ts";
import { RerunSignal, StopSignal } from "../runner/signals.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import { elementApiPrototype, openContainer, type Container } from "../elements/element-api.ts";
import { BlockTarget } from "../elements/core/target.ts";
import { pageControlMethods, type PageControls } from "./page-controls.ts";
import { createSessionState, type SessionState } from "./session-state.ts";
import { contextMembers, type StContext } from "./st-context.ts";
import { secretsMembers, type Secrets } from "./secrets.ts";
import { authMembers, type AuthMembers } from "./st-auth.ts";

/**
 * The object an app receives: the main area's whole element API, plus the
 * sidebar, the pinned bottom, the session state and run control.
 */
export interface St extends Container, PageControls, AuthMembers {
  /** The sidebar, with the whole element API. @example st.sidebar.selectbox("Page", ["Home", "About"]) */
  readonly sidebar: Container;
  /**
   * The area pinned to the bottom of the main column, with the whole element
   * API. Its elements show there in order, above the chat input if there is one.
   * @example st.bottom.caption("Answers may be wrong; check them.")
   */
  readonly bottom: Container;
  /**
   * Per-tab session state. Survives reruns, reloads of the tab and server
   * restarts; a widget's `key` reads and writes its value.
   * @example st.session.count ??= 0; st.session.count++;
   */
  readonly session: SessionState;
  /**
   * Where the app runs: `st.context.env` holds the runtime's bindings (a
   * Worker's `env`, or `process.env` under the CLI), the one way to read them.
   * @example const apiUrl = st.context.env.API_URL as string | undefined;
   */
  readonly context: StContext;
  /**
   * The app's secrets, read-only: the environment, then `.env`, then `secrets.toml` (Streamlit's
   * file, unchanged). A key that is not set throws an error naming it.
   * @example const db = st.secrets.connections.db; // with DeclaredSecrets, or st.secrets.table("connections")
   */
  readonly secrets: Secrets;
  /**
   * Stops this run and starts the app again from the top. Inside a fragment,
   * `{ scope: "fragment" }` reruns only the fragment (and, in a dialog, keeps
   * it open); a plain `st.rerun()` there reruns the whole app (closing a dialog).
   * @example if (done) st.rerun();
   */
  rerun(options?: RerunOptions): never;
  /** Ends this run here; what was drawn so far stays. @example if (!name) { st.warning("Enter a name"); st.stop(); } */
  stop(): never;
}

/** Options of `st.rerun`. */
export interface RerunOptions {
  /** "app" (the default) reruns the whole script; "fragment" only the fragment whose `st` it is called on. */
  scope?: "app" | "fragment";
}

/**
 * `st`'s own members, once for every run: the element API (its prototype),
 * the page controls, and run control. Only the sidebar, the bottom and the
 * session are made per run.
 */
const stPrototype: object = Object.create(elementApiPrototype, {
  ...Object.getOwnPropertyDescriptors(pageControlMethods),
  ...Object.getOwnPropertyDescriptors(contextMembers),
  ...Object.getOwnPropertyDescriptors(secretsMembers),
  ...Object.getOwnPropertyDescriptors(authMembers),
  ...Object.getOwnPropertyDescriptors({
    rerun(options: RerunOptions = {}): never {
      if (options.scope === "fragment") {
        throw new EdgelitApiError(
          'st.rerun({ scope: "fragment" }) only works on the st a fragment receives, inside the fragment.',
        );
      }
      throw new RerunSignal();
    },
    stop(): never {
      throw new StopSignal();
    },
  }),
});

/** Creates the `st` object of one run (the one `binding` holds): the main area's handle, with the rest added. */
export function createSt(binding: RunBinding): St {
  return Object.assign(openContainer(new BlockTarget(binding, [ROOTS.main]), stPrototype), {
    sidebar: openContainer(new BlockTarget(binding, [ROOTS.sidebar])),
    bottom: openContainer(new BlockTarget(binding, [ROOTS.bottom])),
    session: createSessionState(binding),
  }) as St;
}
