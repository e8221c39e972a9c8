import { expect, test } from "vitest";
import {
  applyServerMessage,
  createElementTree,
  type ServerMessage,
} from "../../../src/protocol/index.ts";

const start = (reset = false): ServerMessage => ({
  type: "start",
  sessionId: "s",
  runId: "r1",
  reset,
});
const text = (path: number[], body: string): ServerMessage => ({
  type: "element",
  path,
  kind: "text",
  props: { body },
});

test("elements land at their paths, blocks hold children, finish trims what the run did not reach", () => {
  const tree = createElementTree();
  applyServerMessage(tree, start(true));
  applyServerMessage(tree, text([0, 0], "a"));
  applyServerMessage(tree, { type: "element", path: [0, 1], kind: "container", props: {} });
  applyServerMessage(tree, text([0, 1, 0], "inside"));
  applyServerMessage(tree, text([0, 2], "c"));
  applyServerMessage(tree, {
    type: "finish",
    runId: "r1",
    counts: { "0": 3, "1": 0, "0.1": 1 },
    elapsedMs: 1,
  });
  expect(tree.roots[0]!.map((n) => n.kind)).toEqual(["text", "container", "text"]);
  expect(tree.roots[0]![1]!.children![0]!.props).toEqual({ body: "inside" });
  expect(tree.lastRunId).toBe("r1");

  applyServerMessage(tree, start());
  expect(tree.roots[0]!.every((n) => n.stale)).toBe(true);
  applyServerMessage(tree, { type: "progress", counts: { "0": 1 } });
  expect(tree.roots[0]!.map((n) => n.stale)).toEqual([false, true, true]);
  applyServerMessage(tree, {
    type: "finish",
    runId: "r2",
    counts: { "0": 1, "1": 0 },
    elapsedMs: 1,
  });
  expect(tree.roots[0]!.map((n) => n.props)).toEqual([{ body: "a" }]);
  expect(tree.roots[0]!.some((n) => n.stale)).toBe(false);
});

test("an element of another kind at a path replaces the node and its children", () => {
  const tree = createElementTree();
  applyServerMessage(tree, start(true));
  applyServerMessage(tree, {
    type: "element",
    path: [0, 0],
    kind: "expander",
    props: { label: "x", expanded: false },
  });
  applyServerMessage(tree, text([0, 0, 0], "child"));
  applyServerMessage(tree, { type: "element", path: [0, 0], kind: "container", props: {} });
  expect(tree.roots[0]![0]!.kind).toBe("container");
  expect(tree.roots[0]![0]!.children).toEqual([]);
});

test("a reset start drops the page; an error forgets the last run so the next answer is complete", () => {
  const tree = createElementTree();
  applyServerMessage(tree, start(true));
  applyServerMessage(tree, text([1, 0], "sidebar"));
  applyServerMessage(tree, {
    type: "finish",
    runId: "r1",
    counts: { "0": 0, "1": 1 },
    elapsedMs: 1,
  });
  applyServerMessage(tree, { type: "error", code: "store_unavailable", message: "down" });
  expect(tree.lastRunId).toBeNull();
  expect(tree.running).toBe(false);
  applyServerMessage(tree, start(true));
  expect(tree.roots).toEqual([[], [], []]);
});
