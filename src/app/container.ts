import { pathKey, type ElementPath } from "../protocol/index.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import { inputMethods } from "../elements/inputs/index.ts";
import { layoutMethods, type LayoutMethods } from "../elements/layout/layout.ts";
import { mediaMethods } from "../elements/media/media.ts";
import { statusMethods } from "../elements/status/alerts.ts";
import { textMethods } from "../elements/text/text.ts";
import { writeMethods } from "../elements/text/write.ts";
import { TARGET, type Drawable, type ElementTarget } from "./target.ts";

/**
 * A block of the page with the whole element API: `st` itself (the main
 * area), `st.sidebar`, and every column, container and expander.
 *
 * @example
 * const [left, right] = st.columns(2);
 * left.metric("Revenue", "$1.2M", { delta: "+4%" });
 * right.button("Refresh");
 */
export interface Container extends Drawable, TextMethods, WriteMethods, StatusMethods, MediaMethods, InputMethods, LayoutMethods {}

type TextMethods = typeof textMethods;
type WriteMethods = typeof writeMethods;
type StatusMethods = typeof statusMethods;
type InputMethods = typeof inputMethods;
type MediaMethods = typeof mediaMethods;

/**
 * The element methods live once on this prototype; a handle holds only its
 * target, so opening a container costs one small object, not a method table.
 */
class ContainerHandle implements Drawable {
  readonly [TARGET]: ElementTarget;

  constructor(run: ScriptRun, path: ElementPath) {
    const key = pathKey(path);
    this[TARGET] = {
      run,
      path,
      emit: (kind, props) => run.emit(path, kind, props, key),
      open: (blockPath) => createContainer(run, blockPath),
    };
  }
}
Object.assign(ContainerHandle.prototype, textMethods, writeMethods, statusMethods, mediaMethods, inputMethods, layoutMethods);

/** Creates the handle for the block at `path` in `run`. */
export function createContainer(run: ScriptRun, path: ElementPath): Container {
  return new ContainerHandle(run, path) as Container;
}
