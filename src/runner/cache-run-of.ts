import type { CacheRun } from "../cache/cache-run.ts";
import { ROOTS } from "../protocol/index.ts";
import type { ScriptRun } from "./script-run.ts";

/**
 * What cached functions called from `run` may know of it: its session (for
 * `scope: "session"`) and how to draw a spinner while one computes (in the
 * page, or in a fragment's run the fragment; only in a run that draws).
 */
export function cacheRunOf(run: ScriptRun, sessionId: string | undefined): CacheRun {
  return {
    sessionId,
    showSpinner(text) {
      if (run.mode !== "render") return () => {};
      const path = run.emit(run.fragments.scope?.state.path ?? [ROOTS.main], "spinner", { text });
      // The slot stays, drawing nothing, as st.spinner's does: later elements keep their paths.
      return () => run.replace(path, "empty", {}, { checkpoint: false });
    },
  };
}
