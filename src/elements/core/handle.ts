import type { ElementKind, ElementPropsByKind } from "../../protocol/index.ts";
import { TARGET, type Drawable, type ElementTarget } from "./target.ts";

/**
 * A block of the page with the whole element API: `st` itself (the main
 * area), `st.sidebar`, and every column, container and expander. Its methods
 * are added in src/elements/element-api.ts, where the API is assembled.
 *
 * @example
 * const [left, right] = st.columns(2);
 * left.metric("Revenue", "$1.2M", { delta: "+4%" });
 * right.button("Refresh");
 */
export interface Container extends Drawable {}

/**
 * One element of the page that every call replaces, with the whole element
 * API: what `st.empty()` returns, and what every element call returns
 * (`st.text`, `st.markdown`, `st.progress`, ...). Call a method on it to
 * replace the element in place; `.empty()` clears it.
 *
 * @example
 * const status = st.text("Loading data…");
 * const rows = await load();
 * status.text(`Loaded ${rows.length} rows.`);
 *
 * @example
 * const slot = st.empty();
 * for (let i = 3; i > 0; i--) { slot.markdown(`**${i}**…`); await sleep(1000); }
 * slot.success("Lift-off!");
 */
export interface ElementHandle extends Container {}

/** The handle `st.empty()` returns: an ElementHandle. */
export type Placeholder = ElementHandle;

/**
 * The element methods live once on this prototype (element-api.ts fills it);
 * a handle holds only its target, so opening a container costs one small
 * object, not a method table.
 */
class Handle implements Drawable {
  readonly [TARGET]: ElementTarget;

  constructor(target: ElementTarget) {
    this[TARGET] = target;
  }
}

/** The prototype of every handle: the whole element API, for `st`'s own prototypes to extend. */
export const handlePrototype: object = Handle.prototype;

/**
 * The handle on the block `target` draws into: elements append to it.
 * `prototype` (default: the element API) lets `st` add its own members once,
 * on a prototype of its own, instead of to every run's handle.
 */
export function openContainer(
  target: ElementTarget,
  prototype: object = handlePrototype,
): Container {
  if (prototype === handlePrototype) return new Handle(target) as Container;
  return Object.assign(Object.create(prototype) as object, {
    [TARGET]: target,
  }) as unknown as Container;
}

/** The handle on one element (`target` is an element target): every element call replaces it. */
export function openElement(target: ElementTarget): ElementHandle {
  return new Handle(target) as ElementHandle;
}

/**
 * Draws one element into `target` and returns its handle: what every element
 * method that is neither a widget nor a layout block returns, as in Streamlit.
 * @example title(this: Drawable, body: string) { return drawElement(this[TARGET], "heading", { level: 1, body }); }
 */
export function drawElement<K extends ElementKind>(
  target: ElementTarget,
  kind: K,
  props: ElementPropsByKind[K],
): ElementHandle {
  return openElement(target.element(target.emit(kind, props)));
}

/** As drawElement, for an element whose props resolve later (media read first). */
export function drawElementLater<K extends ElementKind>(
  target: ElementTarget,
  kind: K,
  props: Promise<ElementPropsByKind[K]>,
): ElementHandle {
  return openElement(target.element(target.emitLater(kind, props)));
}
