import { expect, test } from "vitest";
import {
  editedCell,
  shownRows,
  withCell,
  withoutRows,
} from "../../../../client/src/elements/data/editor-diff.ts";
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
  expect(shownRows(5, next, 1)).toEqual([1, 3, 5, 6]);
  expect(shownRows(5, empty, 0)).toBeUndefined();
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
