import {
  ROOTS,
  hashElement,
  isBlockKind,
  pathKey,
  type ElementKind,
  type ElementMessage,
  type ElementPath,
} from "../protocol/index.ts";
import { sizeOfTree } from "../session/tree-memo.ts";

/**
 * The keys of a block's children ("0.12"), made once per process and reused
 * by every run: a new string per element would be hashed anew by each Map,
 * Set and object it is looked up in. Bounded: past the limit the block
 * added first is forgotten, one at a time, so a page with more blocks than
 * the limit costs a few more strings, not every key anew.
 */
const childKeys = new Map<string, string[]>();
const CHILD_KEY_BLOCKS_LIMIT = 4096;

function childKey(parentKey: string, index: number): string {
  let keys = childKeys.get(parentKey);
  if (keys === undefined) {
    if (childKeys.size >= CHILD_KEY_BLOCKS_LIMIT)
      childKeys.delete(childKeys.keys().next().value as string);
    childKeys.set(parentKey, (keys = []));
  }
  return (keys[index] ??= `${parentKey}.${index}`);
}

/** In `sentTree`: the client no longer holds an element there (no hash is empty). */
const FORGOTTEN = "";

/**
 * Places the elements of one run in the tree and decides which to send: an
 * element goes out only when its hash differs from what the client holds at
 * that path. It also counts the children of every block, which the client
 * uses to drop what the run no longer draws.
 */
export class TreeEmitter {
  /** Element hashes the client held when the run began; read, never copied (a big page holds thousands). */
  private readonly previousTree: Readonly<Record<string, string>>;
  /** What changed in it as elements are sent: the new hash, or FORGOTTEN. */
  private readonly sentTree = new Map<string, string>();
  private counts = new Map<string, number>();
  private changedCounts = new Set<string>();
  /** Keys placed since `begin`: after the run, exactly the elements the client keeps. */
  private placed = new Set<string>();
  /** The one block a fragment's run redraws; undefined when the run draws the whole page. */
  private scope: string | undefined;

  constructor(
    previousTree: Record<string, string>,
    private readonly send: (message: ElementMessage) => void,
  ) {
    this.previousTree = previousTree;
    this.begin();
  }

  /**
   * Starts (or, after `st.rerun()`, restarts) placing elements from the top:
   * of the page, or with `scope` of that block alone (a fragment's run),
   * leaving everything outside it as the client holds it.
   */
  begin(scope?: string): void {
    this.scope = scope;
    this.counts =
      scope === undefined
        ? new Map(Object.values(ROOTS).map((root) => [String(root), 0]))
        : new Map([[scope, 0]]);
    this.changedCounts = new Set(this.counts.keys());
    this.placed = new Set();
  }

  /** Appends an element to the block at `parent` and returns its path. */
  append(
    parent: ElementPath,
    kind: ElementKind,
    props: object,
    parentKey = pathKey(parent),
  ): ElementPath {
    const index = this.counts.get(parentKey);
    if (index === undefined) throw new Error(`no block at ${parentKey} in this run`);
    this.counts.set(parentKey, index + 1);
    this.changedCounts.add(parentKey);
    const path = [...parent, index];
    this.place(path, childKey(parentKey, index), kind, props);
    return path;
  }

  /**
   * Keeps the next slot of a block for an element whose props come later (media
   * read asynchronously); `replace` fills it before the run ends.
   */
  reserve(parent: ElementPath, parentKey = pathKey(parent)): ElementPath {
    const index = this.counts.get(parentKey);
    if (index === undefined) throw new Error(`no block at ${parentKey} in this run`);
    this.counts.set(parentKey, index + 1);
    this.changedCounts.add(parentKey);
    return [...parent, index];
  }

  /**
   * Replaces the element at a path this run already placed (a handle updated
   * in place). A block placed there loses its children: what the new element
   * holds is placed again, and the client drops the rest at the end.
   */
  replace(path: ElementPath, kind: ElementKind, props: object): void {
    const key = pathKey(path);
    if (this.counts.has(key)) this.forgetPlacedBelow(key);
    this.place(path, key, kind, props);
  }

  /** Gives the element at a path new props; a block of the same kind keeps its children (`status.update`). */
  update(path: ElementPath, kind: ElementKind, props: object): void {
    const key = pathKey(path);
    if (!isBlockKind(kind) || !this.counts.has(key) || !this.hashAt(key)?.startsWith(`${kind}:`))
      return this.replace(path, kind, props);
    this.place(path, key, kind, props, true);
  }

  /** True when the block at `key` is open in this run: placed, and not replaced by something else since. */
  isOpen(key: string): boolean {
    return this.counts.has(key);
  }

  /** Block child counts that changed since the last call, for a progress message. */
  takeProgress(): Record<string, number> | undefined {
    if (this.changedCounts.size === 0) return undefined;
    const progress: Record<string, number> = {};
    for (const key of this.changedCounts) progress[key] = this.counts.get(key) ?? 0;
    this.changedCounts.clear();
    return progress;
  }

  /** Child counts of every block the run reached. */
  finalCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /**
   * The hashes the client holds once it has applied the finish message: those
   * this run placed. (Anything else lies past a block's final count, or inside
   * a block the run did not reach, and the client drops it.)
   */
  finalTree(): Record<string, string> {
    const tree: Record<string, string> = {};
    if (this.scope !== undefined) {
      // A fragment's run: what lies outside its block stays; inside, only what it placed.
      const inside = `${this.scope}.`;
      for (const key in this.previousTree)
        if (!key.startsWith(inside) && this.hashAt(key) !== undefined)
          tree[key] = this.hashAt(key)!;
      for (const [key, hash] of this.sentTree)
        if (!key.startsWith(inside) && hash !== FORGOTTEN) tree[key] = hash;
    } else if (this.sentTree.size === 0 && this.placed.size === sizeOfTree(this.previousTree)) {
      // Nothing sent and every element placed again: the client holds what it held.
      return this.previousTree as Record<string, string>;
    }
    for (const key of this.placed) tree[key] = this.hashAt(key)!;
    return tree;
  }

  /** The hash the client holds at `key` now. */
  private hashAt(key: string): string | undefined {
    const sent = this.sentTree.get(key);
    if (sent === undefined) return this.previousTree[key];
    return sent === FORGOTTEN ? undefined : sent;
  }

  private place(
    path: ElementPath,
    key: string,
    kind: ElementKind,
    props: object,
    keepChildren = false,
  ): void {
    this.placed.add(key);
    const previous = this.hashAt(key);
    const hash = hashElement(kind, props, previous);
    if (isBlockKind(kind) && !keepChildren) {
      this.counts.set(key, 0);
      this.changedCounts.add(key);
    }
    if (previous === hash) return;
    // The client replaces a node whose kind changed, children and all; forget
    // what it held below so those children are sent again.
    if (previous !== undefined && !previous.startsWith(`${kind}:`)) this.forgetBelow(key);
    this.sentTree.set(key, hash);
    this.send({ type: "element", path, kind, props } as ElementMessage);
  }

  /** A replaced block: its children and their blocks are no longer this run's (the new element places its own). */
  private forgetPlacedBelow(key: string): void {
    const prefix = `${key}.`;
    for (const placed of this.placed) if (placed.startsWith(prefix)) this.placed.delete(placed);
    for (const block of this.counts.keys()) {
      if (block !== key && !block.startsWith(prefix)) continue;
      this.counts.delete(block);
      this.changedCounts.delete(block);
    }
  }

  private forgetBelow(key: string): void {
    const prefix = `${key}.`;
    for (const other in this.previousTree)
      if (other.startsWith(prefix)) this.sentTree.set(other, FORGOTTEN);
    for (const other of this.sentTree.keys())
      if (other.startsWith(prefix)) this.sentTree.set(other, FORGOTTEN);
  }
}
