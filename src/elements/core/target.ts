import {
  pathKey,
  type ElementKind,
  type ElementPath,
  type ElementPropsByKind,
} from "../../protocol/index.ts";
import type { RunBinding } from "../../runner/run-binding.ts";
import type { RunContext } from "../../runner/script-run.ts";

/**
 * What an element function draws into: a block of the page in the current
 * run, or one element (`st.empty()`, an element's handle), which every call
 * replaces. It reaches its run through a RunBinding.
 */
export interface ElementTarget {
  /** What handles made from this target hold to reach their run. */
  readonly binding: RunBinding;
  readonly run: RunContext;
  /** The block this target appends to; for a placeholder, the one element it replaces. */
  readonly path: ElementPath;
  /** Draws an element: appended to a block, or in place of a placeholder's element. Returns its path. */
  emit<K extends ElementKind>(kind: K, props: ElementPropsByKind[K]): ElementPath;
  /** Draws an element whose props resolve later (media read asynchronously), in order. Returns its path. */
  emitLater<K extends ElementKind>(kind: K, props: Promise<ElementPropsByKind[K]>): ElementPath;
  /**
   * Keeps a place for one element that comes later (fill it through
   * `placeholder`); it shows nothing if none comes before the script yields.
   * A placeholder's own place is cleared at once.
   */
  slot(): ElementPath;
  /** A target on a block this target placed. */
  block(path: ElementPath): ElementTarget;
  /** A target on one element this target placed, whose every call replaces it. */
  element(path: ElementPath): ElementTarget;
}

/** Where a container handle keeps its target, out of sight of the app's autocompletion. */
export const TARGET: unique symbol = Symbol("edgelit.target");

/** Anything the element methods can draw into: every container and element handle. */
export interface Drawable {
  readonly [TARGET]: ElementTarget;
}

/** A block of the page: elements append to it. */
export class BlockTarget implements ElementTarget {
  private cachedKey: string | undefined;

  constructor(
    readonly binding: RunBinding,
    readonly path: ElementPath,
  ) {}

  get run(): RunContext {
    return this.binding.run;
  }

  protected get key(): string {
    return (this.cachedKey ??= pathKey(this.path));
  }

  emit<K extends ElementKind>(kind: K, props: ElementPropsByKind[K]): ElementPath {
    return this.binding.run.emit(this.path, kind, props, this.key);
  }
  emitLater<K extends ElementKind>(kind: K, props: Promise<ElementPropsByKind[K]>): ElementPath {
    return this.binding.run.emitLater(this.path, kind, props, this.key);
  }
  slot(): ElementPath {
    return this.binding.run.slot(this.path, this.key);
  }
  block(path: ElementPath): ElementTarget {
    return new BlockTarget(this.binding, path);
  }
  element(path: ElementPath): ElementTarget {
    return new ElementSlotTarget(this.binding, path);
  }
}

/** One element of the page (`st.empty()`, an element's handle): every element replaces it. */
export class ElementSlotTarget extends BlockTarget {
  override emit<K extends ElementKind>(kind: K, props: ElementPropsByKind[K]): ElementPath {
    this.binding.run.replace(this.path, kind, props);
    return this.path;
  }
  override emitLater<K extends ElementKind>(
    kind: K,
    props: Promise<ElementPropsByKind[K]>,
  ): ElementPath {
    this.binding.run.replaceLater(this.path, kind, props);
    return this.path;
  }
  override slot(): ElementPath {
    this.binding.run.replace(this.path, "empty", {});
    return this.path;
  }
}
