import type { Storage } from "unstorage";
import { digestValue } from "../protocol/index.ts";
import type { SessionRecord } from "./record.ts";
import { noteTreeSize, type ClientTree, type TreeMemo } from "./tree-memo.ts";

/**
 * How the record keeps the element hashes the page holds (`record.tree`)
 * without growing with the page. A page of up to {@link MAX_PATCH_ELEMENTS}
 * elements keeps them in the record, as `treePatch`. A larger page keeps them
 * once under a key of their own (the base: `{ digest, tree }`), and the record
 * names the base by digest (`treeBase`) and keeps only the hashes that differ
 * from it (`treePatch`, null for an element the page no longer holds). The
 * base is written again only when the patch would outgrow that bound, or to
 * renew it before it expires; an event that changes a few elements writes a
 * few hashes, one that changes none writes none.
 *
 * The record stays the one truth: a base is used only when its digest is the
 * record's (a base written by an event whose save lost, or overwritten since,
 * does not match), and a base that cannot be had makes the event send every
 * element again in place, as for a session that was never saved. That costs
 * bytes, never correctness.
 */
export const MAX_PATCH_ELEMENTS = 64;

/** The key a session's base tree is stored under. */
export function treeKey(sessionId: string): string {
  return `edgelit:tree:${sessionId}`;
}

/** What the store writes for a record: its tree as base and patch, and the base to write after the save, if any. */
export interface StoredTree {
  treeBase: string | undefined;
  treePatch: Record<string, string | null>;
  treeBaseAt: number | undefined;
  /** A base to store under {@link treeKey} once the record is saved. */
  newBase?: { digest: string; tree: ClientTree };
}

/**
 * Rebuilds `record.tree` from its stored form (a record saved before this layout has its whole tree and is left as it is).
 */
export async function restoreTree(
  record: SessionRecord,
  sessionId: string,
  storage: Storage,
  memo: TreeMemo,
): Promise<void> {
  if (record.treeBase === undefined) {
    // A small page (or a record saved before this layout, whose `tree` is whole).
    record.tree = (record.treePatch as Record<string, string> | undefined) ?? record.tree ?? {};
    noteLoadedTree(record, record.tree);
    return;
  }
  const base = await loadBase(record.treeBase, sessionId, storage, memo);
  if (base === undefined) {
    // Unknown base: the page gets every element again, and the next save writes a new base.
    record.tree = {};
    record.treeBase = undefined;
    record.treePatch = undefined;
    return;
  }
  record.tree = applyPatch(base.tree, base.size, record.treePatch);
  noteLoadedTree(record, record.tree);
}

/** The stored form of `record.tree`, against the base the record was loaded with. */
export function storeTree(
  record: SessionRecord,
  memo: TreeMemo,
  now: number,
  ttlMs: number,
): StoredTree {
  const tree = record.tree;
  const renew = record.treeBaseAt !== undefined && now - record.treeBaseAt > ttlMs / 2;
  // The run left the tree it loaded (the page held what it was sent): stored as it was.
  if (
    (record as { [LOADED_TREE]?: ClientTree })[LOADED_TREE] === tree &&
    record.treePatch !== undefined &&
    !renew
  )
    return {
      treeBase: record.treeBase,
      treePatch: record.treePatch,
      treeBaseAt: record.treeBaseAt,
    };
  const base =
    record.treeBase === undefined ? { tree: EMPTY_TREE, size: 0 } : memo.get(record.treeBase);
  const patch = base && diffTrees(base.tree, base.size, tree);
  if (patch !== undefined && !renew)
    return { treeBase: record.treeBase, treePatch: patch, treeBaseAt: record.treeBaseAt };
  // The patch outgrew its bound (or the base is due to expire): this tree is the new base.
  let size = 0;
  for (const _ in tree) size++;
  if (size <= MAX_PATCH_ELEMENTS)
    return { treeBase: undefined, treePatch: tree, treeBaseAt: undefined };
  const digest = digestOf(tree);
  noteTreeSize(tree, size);
  const frozen = Object.freeze(tree);
  memo.set(digest, frozen, size);
  return { treeBase: digest, treePatch: {}, treeBaseAt: now, newBase: { digest, tree: frozen } };
}

// --- Internal helpers ---

const EMPTY_TREE: ClientTree = Object.freeze({});

/** Where a record notes the tree it was loaded with (a symbol, not stored): a run that leaves it as it is needs no diff. */
const LOADED_TREE = Symbol("edgelit.loadedTree");

function noteLoadedTree(record: SessionRecord, tree: ClientTree): void {
  Object.defineProperty(record, LOADED_TREE, { value: tree, writable: true, configurable: true });
}

async function loadBase(
  digest: string | undefined,
  sessionId: string,
  storage: Storage,
  memo: TreeMemo,
): Promise<{ tree: ClientTree; size: number } | undefined> {
  if (digest === undefined) return { tree: EMPTY_TREE, size: 0 };
  const known = memo.get(digest);
  if (known !== undefined) return known;
  const stored = (await storage.getItem(treeKey(sessionId))) as {
    digest?: unknown;
    tree?: unknown;
  } | null;
  if (!stored || stored.digest !== digest || !stored.tree || typeof stored.tree !== "object")
    return undefined;
  const tree = stored.tree as Record<string, string>;
  let size = 0;
  for (const _ in tree) size++;
  noteTreeSize(tree, size);
  memo.set(digest, Object.freeze(tree), size);
  return { tree, size };
}

function applyPatch(
  base: ClientTree,
  baseSize: number,
  patch: Record<string, string | null> | undefined,
): Record<string, string> {
  let empty = true;
  for (const _ in patch) {
    empty = false;
    break;
  }
  // The run copies the tree it starts from, so an unchanged base is shared, frozen.
  // The base notes its size already.
  if (empty) return base as Record<string, string>;
  const tree: Record<string, string> = Object.assign({}, base);
  let size = baseSize;
  for (const key in patch) {
    const hash = patch[key];
    const held = key in tree;
    if (hash === null || hash === undefined) {
      if (held) size--;
      delete tree[key];
    } else {
      if (!held) size++;
      tree[key] = hash;
    }
  }
  noteTreeSize(tree, size);
  return tree;
}

/** The hashes of `tree` that differ from `base` (null: gone), or undefined past the bound. */
function diffTrees(
  base: ClientTree,
  baseSize: number,
  tree: Record<string, string>,
): Record<string, string | null> | undefined {
  const patch: Record<string, string | null> = {};
  let changed = 0;
  let kept = 0;
  for (const key in tree) {
    const hash = tree[key]!;
    const was = base[key];
    if (was !== undefined) kept++;
    if (was === hash) continue;
    if (++changed > MAX_PATCH_ELEMENTS) return undefined;
    patch[key] = hash;
  }
  if (kept < baseSize) {
    for (const key in base) {
      if (key in tree) continue;
      if (++changed > MAX_PATCH_ELEMENTS) return undefined;
      patch[key] = null;
    }
  }
  return patch;
}

/** A 64-bit digest of the tree's paths and hashes, in their order (see digestValue). */
function digestOf(tree: ClientTree): string {
  return digestValue(tree);
}
