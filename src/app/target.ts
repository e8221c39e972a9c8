import type { ElementKind, ElementPath, ElementPropsByKind } from "../protocol/index.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import type { Container } from "./container.ts";

/** What an element function draws into: a block of the page in the current run. */
export interface ElementTarget {
  readonly run: ScriptRun;
  readonly path: ElementPath;
  /** Appends an element to this block. */
  emit<K extends ElementKind>(kind: K, props: ElementPropsByKind[K]): ElementPath;
  /** A handle on a block this target placed, with the whole element API. */
  open(path: ElementPath): Container;
}

/** Where a container handle keeps its target, out of sight of the app's autocompletion. */
export const TARGET: unique symbol = Symbol("edgelit.target");

/** Anything the element methods can draw into: every container handle. */
export interface Drawable {
  readonly [TARGET]: ElementTarget;
}
