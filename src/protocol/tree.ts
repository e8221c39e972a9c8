import { isBlockKind, type ElementKind } from "./elements.ts";
import { ROOTS, pathKey, type ServerMessage } from "./messages.ts";

/** One rendered element as the page holds it. Blocks have `children`. */
export interface TreeNode {
  kind: ElementKind;
  props: Record<string, unknown>;
  children?: TreeNode[];
  /** Not yet reached by the run in progress; the client fades it. */
  stale?: boolean;
}

/** The page: one list of elements per root (main, sidebar, bottom). */
export interface ElementTree {
  roots: TreeNode[][];
  sessionId: string | null;
  /** The run whose finish the tree reflects; null until one has finished. */
  lastRunId: string | null;
  running: boolean;
}

/** An empty page. */
export function createElementTree(): ElementTree {
  return {
    roots: Object.values(ROOTS).map(() => []),
    sessionId: null,
    lastRunId: null,
    running: false,
  };
}

/**
 * Applies one server message to the page's tree, in place. The client calls it
 * inside a Solid `produce`, and the test harness on a plain object, so both see
 * exactly the same page.
 */
export function applyServerMessage(tree: ElementTree, message: ServerMessage): void {
  switch (message.type) {
    case "start":
      if (message.reset) tree.roots = Object.values(ROOTS).map(() => []);
      tree.sessionId = message.sessionId;
      tree.running = true;
      // A fragment's run fades only the fragment: nothing else is redrawn.
      forEachNode(
        message.scope ? [tryChildrenAt(tree, pathKey(message.scope)) ?? []] : tree.roots,
        (node) => (node.stale = true),
      );
      return;
    case "element":
      placeElement(tree, message.path, message.kind, message.props as Record<string, unknown>);
      return;
    case "progress":
      markReached(tree, message.counts);
      return;
    case "finish":
      truncateBlocks(tree, message.counts);
      forEachNode(tree.roots, (node) => (node.stale = false));
      tree.lastRunId = message.runId;
      tree.running = false;
      return;
    case "error":
      // Nothing of the failed run was saved: forget which run we hold so the
      // next event makes the server resend the whole tree.
      tree.lastRunId = null;
      tree.running = false;
      forEachNode(tree.roots, (node) => (node.stale = false));
      return;
    case "refused":
    case "url":
    case "navigate":
      return;
  }
}

/** Fades the whole page: the user left it, and the run that draws the next has not begun. */
export function markAllStale(tree: ElementTree): void {
  forEachNode(tree.roots, (node) => (node.stale = true));
}

function placeElement(
  tree: ElementTree,
  path: number[],
  kind: ElementKind,
  props: Record<string, unknown>,
): void {
  const siblings = childrenAt(tree, path.slice(0, -1));
  const index = path[path.length - 1]!;
  const existing = siblings[index];
  if (existing && existing.kind === kind) {
    existing.props = props;
    existing.stale = false;
    return;
  }
  const node: TreeNode = { kind, props, stale: false };
  if (isBlockKind(kind)) node.children = [];
  // A run emits in order, so an index past the end only follows a gap the
  // server never leaves; pad defensively rather than create a sparse array.
  while (siblings.length < index) siblings.push({ kind: "divider", props: {}, stale: true });
  siblings[index] = node;
}

function childrenAt(tree: ElementTree, blockPath: number[]): TreeNode[] {
  const [root, ...rest] = blockPath;
  let children = tree.roots[root ?? 0];
  if (!children) throw new Error(`unknown root ${root}`);
  for (const index of rest) {
    const block: TreeNode | undefined = children[index];
    if (!block?.children) throw new Error(`no block at ${pathKey(blockPath)}`);
    children = block.children;
  }
  return children;
}

function markReached(tree: ElementTree, counts: Record<string, number>): void {
  for (const [key, count] of Object.entries(counts)) {
    const children = tryChildrenAt(tree, key);
    children?.slice(0, count).forEach((node) => (node.stale = false));
  }
}

function truncateBlocks(tree: ElementTree, counts: Record<string, number>): void {
  // Parents before children, so a removed block's descendants are never visited.
  const keys = Object.keys(counts).sort((a, b) => a.split(".").length - b.split(".").length);
  for (const key of keys) {
    const children = tryChildrenAt(tree, key);
    if (children && children.length > counts[key]!) children.splice(counts[key]!);
  }
}

function tryChildrenAt(tree: ElementTree, key: string): TreeNode[] | undefined {
  try {
    return childrenAt(tree, key.split(".").map(Number));
  } catch {
    return undefined;
  }
}

function forEachNode(lists: TreeNode[][], visit: (node: TreeNode) => void): void {
  for (const list of lists) {
    for (const node of list) {
      visit(node);
      if (node.children) forEachNode([node.children], visit);
    }
  }
}
