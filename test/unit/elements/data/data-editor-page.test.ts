import { expect, test } from "vitest";
import {
  editedCell,
  withCell,
  withoutRows,
} from "../../../../client/src/elements/data/editor-diff.ts";
import { editorOrder } from "../../../../client/src/elements/data/editor-order.ts";
import {
  parseTabular,
  pastedValue,
  planPaste,
} from "../../../../client/src/elements/data/editor-paste.ts";
import {
  inputText,
  parseInput,
  shownValue,
} from "../../../../client/src/elements/data/editor-value.ts";
import type { EditDiff } from "../../../../src/protocol/index.ts";

// The editor page's pure helpers, run in Node: the diff it sends and the text its inputs show.

const empty: EditDiff = { editedRows: {}, addedRows: [], deletedRows: [] };

test("cells of the data's rows go to editedRows, cells of added rows to addedRows", () => {
  let diff = withCell(empty, 100, 7, "price", 9.5);
  diff = withCell(diff, 100, 7, "name", "tea");
  diff = { ...diff, addedRows: [{ name: "new" }] };
  diff = withCell(diff, 100, 100, "price", 1);
  expect(diff).toEqual({
    editedRows: { "7": { price: 9.5, name: "tea" } },
    addedRows: [{ name: "new", price: 1 }],
    deletedRows: [],
  });
  expect(editedCell(diff, 100, [], 7, "price")).toEqual({ value: 9.5 });
  expect(editedCell(diff, 100, [], 6, "price")).toBeUndefined();
  expect(editedCell(diff, 100, [{ name: "pending" }], 101, "name")).toEqual({ value: "pending" });
  expect(editedCell(diff, 100, [], 100, "other")).toEqual({ value: null });
  // The diff given is not changed: the page's shown value stays as it was until the commit.
  expect(empty).toEqual({ editedRows: {}, addedRows: [], deletedRows: [] });
});

test("deleting marks the data's rows (dropping their edits) and removes added ones; the rows shown skip them", () => {
  const diff: EditDiff = {
    editedRows: { "1": { a: 1 }, "2": { a: 2 } },
    addedRows: [{ a: 10 }, { a: 11 }],
    deletedRows: [4],
  };
  const next = withoutRows(diff, 5, [2, 0, 5]);
  expect(next).toEqual({
    editedRows: { "1": { a: 1 } },
    addedRows: [{ a: 11 }],
    deletedRows: [0, 2, 4],
  });
  expect(Array.from(editorOrder(5, next, 1, undefined)!)).toEqual([1, 3, 5, 6]);
  expect(editorOrder(5, empty, 0, undefined)).toBeUndefined();
  // Sorted, the data's rows keep their numbers: an edit of a shown row goes to its row in the data.
  const sorted = Int32Array.from([4, 2, 0, 3, 1]);
  expect(Array.from(editorOrder(5, next, 1, sorted)!)).toEqual([3, 1, 5, 6]);
});

test("inputs show cells as text in UTC and read numbers, dates and datetimes back", () => {
  const noon = Date.UTC(2024, 4, 1, 12, 0, 5);
  expect(inputText(noon, { kind: "date" })).toBe("2024-05-01");
  expect(inputText(noon, { kind: "time" })).toBe("12:00:05");
  expect(inputText(noon, { kind: "datetime" })).toBe("2024-05-01T12:00:05");
  expect(inputText(12n, { kind: "integer" })).toBe("12");
  expect(inputText(null, { kind: "text" })).toBe("");
  expect(parseInput("12.5", { kind: "number" })).toEqual({ value: 12.5 });
  expect(parseInput("ten", { kind: "number" })).toEqual({ problem: '"ten" is not a number' });
  expect(parseInput("1.5", { kind: "integer" })).toEqual({
    problem: '"1.5" is not a whole number',
  });
  expect(parseInput("", { kind: "number" })).toEqual({ value: null });
  expect(parseInput("2024-05-01T12:00", { kind: "datetime" })).toEqual({
    value: "2024-05-01T12:00:00Z",
  });
  expect(shownValue("2024-05-01", { kind: "date" })).toBe(Date.UTC(2024, 4, 1));
  expect(shownValue("12:00:05", { kind: "time" })).toBe(Date.UTC(1970, 0, 1, 12, 0, 5));
});

test("a pasted block reads as a spreadsheet copies it: tabs, line breaks, quoted fields", () => {
  expect(parseTabular('a\t"b\tc"\r\n1\t2\n')).toEqual([
    ["a", "b\tc"],
    ["1", "2"],
  ]);
  expect(parseTabular('"say ""hi""\nthere"\tx')).toEqual([['say "hi"\nthere', "x"]]);
  expect(parseTabular("one")).toEqual([["one"]]);
  expect(parseTabular("\t\n")).toEqual([["", ""]]);
});

test("pasted text becomes a column's value or is refused with the server's reason", () => {
  expect(pastedValue("1,250.5", "price", { kind: "number" })).toEqual({ value: 1250.5 });
  expect(pastedValue("30", "hours", { kind: "number", max: 24 })).toEqual({
    problem: 'column "hours" takes numbers up to 24, got 30',
  });
  expect(pastedValue("many", "hours", { kind: "number" })).toEqual({
    problem: 'column "hours": "many" is not a number',
  });
  expect(pastedValue("TRUE", "done", { kind: "checkbox" })).toEqual({ value: true });
  expect(pastedValue("Bob", "owner", { kind: "selectbox", options: ["Ada"] })).toEqual({
    problem: 'column "owner" takes one of "Ada"; got "Bob"',
  });
  expect(pastedValue("2024-01-02 09:30:00", "at", { kind: "datetime" })).toEqual({
    value: "2024-01-02T09:30:00Z",
  });
  expect(pastedValue("", "task", { kind: "text", required: true })).toEqual({
    problem: 'column "task" is required: it cannot be empty',
  });
});

test("a paste fills right and down from the focused cell, in shown order, adding rows only when dynamic", () => {
  const columns = [
    { name: "task", rules: { kind: "text" as const } },
    { name: "hours", rules: { kind: "number" as const, max: 24 } },
    { name: "id", rules: { kind: "integer" as const, disabled: true } },
  ];
  const target = {
    shown: 0,
    column: 0,
    shownCount: 2,
    // Sorted: the first row shown is the data's row 1.
    sourceRow: (shown: number) => [1, 0][shown]!,
    columns,
    editable: (column: number) => column < 2,
    dynamic: false,
  };
  const block = [
    ["a", "3", "9", "past the last column"],
    ["b", "99"],
    ["c", "1"],
  ];
  expect(planPaste(block, target)).toEqual({
    cells: [
      { row: 1, column: "task", value: "a" },
      { row: 1, column: "hours", value: 3 },
      { row: 0, column: "task", value: "b" },
    ],
    newRows: [],
    refused: [{ row: 0, column: "hours", reason: 'column "hours" takes numbers up to 24, got 99' }],
  });
  expect(planPaste(block, { ...target, dynamic: true }).newRows).toEqual([{ task: "c", hours: 1 }]);
});
