/** Element hashes by path ("0.12" → "markdown:…"): what the page holds, as the record keeps it. */
export type ClientTree = Readonly<Record<string, string>>;

/**
 * The element trees this process has stored or read lately, by digest of
 * their content: the next event of a session whose tree has not changed
 * finds its tree here instead of reading it from the store. Sessions of one
 * app that show the same page share one entry. Bounded by the number of
 * element hashes held (an entry weighs its element count): past the bound,
 * the least recently used tree is forgotten, one at a time, so a process
 * serving more trees than it holds reads the rest from the store (what every
 * event did before) rather than losing them all at once.
 *
 * @example
 * const memo = new TreeMemo(100_000);
 * memo.set("digest", { "0.0": "markdown:abc" }, 1);
 * memo.get("digest"); // { "0.0": "markdown:abc" }
 */
export class TreeMemo {
  private readonly trees = new Map<string, { tree: ClientTree; size: number }>();
  private held = 0;

  constructor(readonly maxElements: number) {}

  /** The tree with this digest, now the most recently used; undefined when not held. */
  get(digest: string): { tree: ClientTree; size: number } | undefined {
    const entry = this.trees.get(digest);
    if (entry === undefined) return undefined;
    // Map keeps insertion order: moving the entry to the end marks it most recent.
    this.trees.delete(digest);
    this.trees.set(digest, entry);
    return entry;
  }

  /** Holds a tree of `size` elements; a tree larger than the whole bound is not held. */
  set(digest: string, tree: ClientTree, size: number): void {
    const existing = this.trees.get(digest);
    if (existing !== undefined) {
      this.trees.delete(digest);
      this.held -= existing.size;
    }
    if (size > this.maxElements) return;
    this.trees.set(digest, { tree, size });
    this.held += size;
    while (this.held > this.maxElements) {
      const [oldest, entry] = this.trees.entries().next().value as [string, { size: number }];
      this.trees.delete(oldest);
      this.held -= entry.size;
    }
  }

  /** The digests held, least recently used first (for tests). */
  digests(): string[] {
    return [...this.trees.keys()];
  }

  /** Forgets every tree (a process that restarts holds none). */
  clear(): void {
    this.trees.clear();
    this.held = 0;
  }
}

/** The process's memo: about 100,000 element hashes, some 10 MB at most. */
export const processTreeMemo = new TreeMemo(100_000);

/**
 * Where a tree notes its size: a symbol, which JSON, `for...in` and the
 * record's codec all skip (a WeakMap would do, but its entries cost every
 * garbage collection).
 */
const TREE_SIZE = Symbol("edgelit.treeSize");

/**
 * The number of element hashes in a tree: noted for a tree a record was
 * loaded with, counted for any other.
 *
 * @example
 * sizeOfTree({ "0.0": "markdown:abc" }); // 1
 */
export function sizeOfTree(tree: ClientTree): number {
  const noted = (tree as { [TREE_SIZE]?: number })[TREE_SIZE];
  if (noted !== undefined) return noted;
  let size = 0;
  for (const _ in tree) size++;
  if (!Object.isFrozen(tree)) noteTreeSize(tree, size);
  return size;
}

/** Notes the size of a tree (see sizeOfTree); before it is frozen. */
export function noteTreeSize(tree: ClientTree, size: number): void {
  Object.defineProperty(tree, TREE_SIZE, { value: size, writable: true, configurable: true });
}
