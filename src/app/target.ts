import type { ElementKind, ElementPath, ElementPropsByKind } from "../protocol/index.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import type { Container, Placeholder } from "./container.ts";

/**
 * What an element function draws into: a block of the page in the current
 * run, or a placeholder (`st.empty()`), where every element replaces the last.
 */
export interface ElementTarget {
  readonly run: ScriptRun;
  /** The block this target appends to; for a placeholder, the one element it replaces. */
  readonly path: ElementPath;
  /** Draws an element: appended to a block, or in place of a placeholder's element. Returns its path. */
  emit<K extends ElementKind>(kind: K, props: ElementPropsByKind[K]): ElementPath;
  /** Draws an element whose props resolve later (media read asynchronously), in order. */
  emitLater<K extends ElementKind>(kind: K, props: Promise<ElementPropsByKind[K]>): void;
  /**
   * Keeps a place for one element that comes later (fill it through
   * `placeholder`); it shows nothing if none comes before the script yields.
   * A placeholder's own place is cleared at once.
   */
  slot(): ElementPath;
  /** A handle on a block this target placed, with the whole element API. */
  open(path: ElementPath): Container;
  /** A handle on an element this target placed, whose every call replaces it. */
  placeholder(path: ElementPath): Placeholder;
}

/** Where a container handle keeps its target, out of sight of the app's autocompletion. */
export const TARGET: unique symbol = Symbol("edgelit.target");

/** Anything the element methods can draw into: every container handle. */
export interface Drawable {
  readonly [TARGET]: ElementTarget;
}
