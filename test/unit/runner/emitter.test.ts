import { expect, test } from "vitest";
import type { ElementMessage } from "../../../src/protocol/index.ts";
import { TreeEmitter } from "../../../src/runner/emitter.ts";

function runOnce(previous: Record<string, string>, draw: (emitter: TreeEmitter) => void) {
  const sent: ElementMessage[] = [];
  const emitter = new TreeEmitter(previous, (message) => sent.push(message));
  draw(emitter);
  return { sent, tree: emitter.finalTree(), counts: emitter.finalCounts() };
}

test("only elements whose content changed since the client's tree are sent", () => {
  const first = runOnce({}, (e) => {
    e.append([0], "text", { body: "a" });
    e.append([0], "text", { body: "b" });
  });
  expect(first.sent.map((m) => m.path)).toEqual([
    [0, 0],
    [0, 1],
  ]);
  const second = runOnce(first.tree, (e) => {
    e.append([0], "text", { body: "a" });
    e.append([0], "text", { body: "B" });
  });
  expect(second.sent).toEqual([
    { type: "element", path: [0, 1], kind: "text", props: { body: "B" } },
  ]);
});

test("children are counted per block, and the final tree drops what the run no longer reached", () => {
  const first = runOnce({}, (e) => {
    const block = e.append([0], "container", {});
    e.append(block, "text", { body: "in" });
    e.append([0], "text", { body: "after" });
  });
  expect(first.counts).toEqual({ "0": 2, "1": 0, "2": 0, "0.0": 1 });
  const second = runOnce(first.tree, (e) => {
    e.append([0], "container", {});
  });
  expect(second.sent).toEqual([]);
  expect(second.counts).toEqual({ "0": 1, "1": 0, "2": 0, "0.0": 0 });
  expect(Object.keys(second.tree)).toEqual(["0.0"]);
});

test("a block replaced by another kind has its children sent again", () => {
  const first = runOnce({}, (e) => {
    const block = e.append([0], "expander", { label: "x", expanded: false });
    e.append(block, "text", { body: "same" });
  });
  const second = runOnce(first.tree, (e) => {
    const block = e.append([0], "container", {});
    e.append(block, "text", { body: "same" });
  });
  expect(second.sent.map((m) => [m.kind, m.path])).toEqual([
    ["container", [0, 0]],
    ["text", [0, 0, 0]],
  ]);
});

test("progress reports only the blocks that moved since the last report", () => {
  const emitter = new TreeEmitter({}, () => {});
  expect(emitter.takeProgress()).toEqual({ "0": 0, "1": 0, "2": 0 });
  emitter.append([0], "text", { body: "a" });
  expect(emitter.takeProgress()).toEqual({ "0": 1 });
  expect(emitter.takeProgress()).toBeUndefined();
});
