import type { ElementPath } from "../protocol/index.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import { inputMethods } from "../elements/inputs/index.ts";
import { layoutMethods, type LayoutMethods } from "../elements/layout/layout.ts";
import { statusMethods } from "../elements/status/alerts.ts";
import { textMethods } from "../elements/text/text.ts";
import { writeMethods } from "../elements/text/write.ts";
import type { ElementTarget } from "./target.ts";

/**
 * A block of the page with the whole element API: `st` itself (the main
 * area), `st.sidebar`, and every column, container and expander.
 *
 * @example
 * const [left, right] = st.columns(2);
 * left.metric("Revenue", "$1.2M", { delta: "+4%" });
 * right.button("Refresh");
 */
export interface Container extends TextMethods, WriteMethods, StatusMethods, InputMethods, LayoutMethods {}

type TextMethods = ReturnType<typeof textMethods>;
type WriteMethods = ReturnType<typeof writeMethods>;
type StatusMethods = ReturnType<typeof statusMethods>;
type InputMethods = ReturnType<typeof inputMethods>;

/** Creates the handle for the block at `path` in `run`. */
export function createContainer(run: ScriptRun, path: ElementPath): Container {
  const target: ElementTarget = {
    run,
    path,
    emit: (kind, props) => run.emit(path, kind, props),
    open: (blockPath) => createContainer(run, blockPath),
  };
  return {
    ...textMethods(target),
    ...writeMethods(target),
    ...statusMethods(target),
    ...inputMethods(target),
    ...layoutMethods(target),
  };
}
