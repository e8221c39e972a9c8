import {
  pathKey,
  type ElementKind,
  type ElementMessage,
  type ElementPath,
  type ElementPropsByKind,
} from "../protocol/index.ts";
import { TreeEmitter } from "./emitter.ts";

/** What placement asks of the rest of its run. */
export interface PlacementHooks {
  /** May the run still place elements? False once it closed, and in a callbacks run. */
  canPlace(): boolean;
  /** Only a rendering run fills elements whose props come later. */
  canFillLater(): boolean;
  /** An element was placed at `path` (or the widget just registered went nowhere: undefined). */
  placed(path: ElementPath | undefined): void;
  /** Something changed that the page may be told about when the script yields. */
  activity(): void;
  /** An element's data failed (its props never came): reports it, and gives the error box's props. */
  uncaught(error: unknown): ElementPropsByKind["exception"];
}

/**
 * Where one run puts elements: appended to blocks, kept slots filled later,
 * replaced in place by handles, or filled once their props resolve. It keeps
 * the bookkeeping that lets a late fill never cover a newer element.
 */
export class ElementPlacement {
  readonly emitter: TreeEmitter;
  /** Work the run must finish before it ends: slots waiting for media read asynchronously. */
  private pending: Promise<void>[] = [];
  /** Bumped by `restart`: a slot kept by an abandoned run is never filled into the new one. */
  private generation = 0;
  /** Bumped per path by every replacement, so a late fill never covers a newer element. */
  private readonly replacements = new Map<string, number>();
  private nonce: string | undefined;
  /** Slots kept by `slot` that nothing has filled yet. */
  private readonly unfilled = new Map<string, ElementPath>();

  constructor(
    previousTree: Record<string, string>,
    send: (message: ElementMessage) => void,
    private readonly hooks: PlacementHooks,
  ) {
    this.emitter = new TreeEmitter(previousTree, send);
  }

  /** Places an element at the end of the block at `parent`; a path ending in -1 when nothing was placed. */
  emit(
    parent: ElementPath,
    kind: ElementKind,
    props: object,
    parentKey = pathKey(parent),
  ): ElementPath {
    // A block replaced since its handle was made (an `st.empty()` refilled) takes nothing more.
    if (!this.hooks.canPlace() || !this.emitter.isOpen(parentKey)) {
      this.hooks.placed(undefined);
      return [...parent, -1];
    }
    const path = this.emitter.append(parent, kind, props, parentKey);
    this.hooks.placed(path);
    this.hooks.activity();
    return path;
  }

  /**
   * Keeps the next place in the block at `parent` for one element that
   * `replace` puts there later (`st.empty()`). Filled before the script next
   * yields, it costs nothing on the wire when the element is unchanged; else
   * it is cleared then, so the page never shows the last run's element there
   * as current.
   */
  slot(parent: ElementPath, parentKey = pathKey(parent)): ElementPath {
    if (!this.hooks.canPlace() || !this.emitter.isOpen(parentKey)) return [...parent, -1];
    const path = this.emitter.reserve(parent, parentKey);
    const key = pathKey(path);
    this.unfilled.set(key, path);
    this.hooks.activity();
    const generation = this.generation;
    queueMicrotask(() => generation === this.generation && this.clearUnfilled(key));
    return path;
  }

  /** Replaces the element at `path`, which this run placed: the client gets the new element at the same path. */
  replace(path: ElementPath, kind: ElementKind, props: object): void {
    if (!this.isLive(path)) return this.hooks.placed(undefined);
    this.unfilled.delete(this.bumpReplacement(path));
    this.emitter.replace(path, kind, props);
    this.hooks.placed(path);
    this.hooks.activity();
  }

  /** Gives the element at `path` new props; a block keeps its children (`status.update`). */
  update(path: ElementPath, kind: ElementKind, props: object): void {
    if (!this.isLive(path)) return;
    this.unfilled.delete(this.bumpReplacement(path));
    this.emitter.update(path, kind, props);
    this.hooks.activity();
  }

  /** Replaces the element at `path` once `props` resolves, unless something replaced it meanwhile. */
  replaceLater(path: ElementPath, kind: ElementKind, props: Promise<object>): void {
    if (!this.hooks.canFillLater() || !this.isLive(path)) return this.hooks.placed(undefined);
    this.hooks.placed(path);
    this.fillLater(path, kind, props);
  }

  /**
   * Places an element whose props are only known once `props` resolves (a
   * Blob or an uploaded file must be read first). Its slot is kept now, in
   * order, and filled before the run ends; a failure shows in its place.
   * Returns its path (ending in -1 when nothing was placed).
   */
  emitLater(
    parent: ElementPath,
    kind: ElementKind,
    props: Promise<object>,
    parentKey = pathKey(parent),
  ): ElementPath {
    if (!this.hooks.canFillLater() || !this.emitter.isOpen(parentKey)) {
      this.hooks.placed(undefined);
      return [...parent, -1];
    }
    const path = this.emitter.reserve(parent, parentKey);
    this.hooks.placed(path);
    this.hooks.activity();
    this.fillLater(path, kind, props);
    return path;
  }

  /** Differs in every run (and after `st.rerun()`): props carrying it are sent even when otherwise unchanged. */
  get runNonce(): string {
    return (this.nonce ??= Math.random().toString(36).slice(2, 10));
  }

  /** True while elements placed with `emitLater` still wait for their props. */
  get isSettling(): boolean {
    return this.pending.length > 0;
  }

  /** Waits for every element placed with `emitLater`, and clears slots nothing filled. */
  async settle(): Promise<void> {
    // Deleting the entry being visited is safe while iterating a Map.
    for (const key of this.unfilled.keys()) this.clearUnfilled(key);
    while (this.pending.length) {
      const waiting = this.pending;
      this.pending = [];
      await Promise.all(waiting);
    }
  }

  /** Starts placing over (after `st.rerun()`); `scopeKey` is the block a fragment's run redraws. */
  restart(scopeKey: string | undefined): void {
    this.pending = [];
    this.generation++;
    this.replacements.clear();
    this.unfilled.clear();
    this.nonce = undefined;
    this.emitter.begin(scopeKey);
  }

  private fillLater(path: ElementPath, kind: ElementKind, props: Promise<object>): void {
    const generation = this.generation;
    const key = this.bumpReplacement(path);
    const replacement = this.replacements.get(key);
    const current = () =>
      generation === this.generation &&
      this.replacements.get(key) === replacement &&
      this.isLive(path);
    this.pending.push(
      props.then(
        (resolved) => {
          if (current()) this.emitter.replace(path, kind, resolved);
        },
        (error) => {
          if (current()) this.emitter.replace(path, "exception", this.hooks.uncaught(error));
        },
      ),
    );
  }

  private clearUnfilled(key: string): void {
    const path = this.unfilled.get(key);
    if (!path) return;
    this.unfilled.delete(key);
    if (this.isLive(path)) this.emitter.replace(path, "empty", {});
  }

  /** A path this run placed, whose block is still open. */
  private isLive(path: ElementPath): boolean {
    if (!this.hooks.canPlace() || path.at(-1)! < 0) return false;
    return this.emitter.isOpen(pathKey(path.slice(0, -1)));
  }

  /** Notes a new element at `path` (a late fill of an older one is then dropped); returns the path's key. */
  private bumpReplacement(path: ElementPath): string {
    const key = pathKey(path);
    this.replacements.set(key, (this.replacements.get(key) ?? 0) + 1);
    return key;
  }
}
