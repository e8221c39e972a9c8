import type { EditDiff, EditRules } from "../../protocol/index.ts";
import { cellProblem } from "../../protocol/edit-cell.ts";
import { checkedCodec, defineWidget, describe, isIndex } from "../core/widget-kind.ts";

export { cellProblem };

/** What checking an edit diff needs, kept in the session record: the frame's rows and each column's rules. */
export interface EditDiffSettings {
  rowCount: number;
  dynamic: boolean;
  columns: { name: string; rules: EditRules }[];
}

/** The diff of no edits: the value of a data editor nobody has touched. */
export function emptyEditDiff(): EditDiff {
  return { editedRows: {}, addedRows: [], deletedRows: [] };
}

/** True when the diff holds no edit (the editor returns its data as given). */
export function isEmptyEditDiff(diff: EditDiff): boolean {
  return (
    Object.keys(diff.editedRows).length === 0 &&
    diff.addedRows.length === 0 &&
    diff.deletedRows.length === 0
  );
}

const PARTS = ["editedRows", "addedRows", "deletedRows"];

/**
 * Why an edit diff does not fit the frame and its columns, or undefined when
 * it does: rows that are not the data's, cells of the wrong type or out of
 * bounds, disabled or unknown columns, rows added or deleted in a fixed editor.
 * @example editDiffProblem({ editedRows: { "0": { price: "ten" } }, addedRows: [], deletedRows: [] }, settings)
 */
export function editDiffProblem(value: unknown, settings: EditDiffSettings): string | undefined {
  if (!isRecord(value))
    return `expected { editedRows, addedRows, deletedRows }, got ${describe(value)}`;
  const extra = Object.keys(value).find((name) => !PARTS.includes(name));
  if (extra !== undefined)
    return `an edit diff holds editedRows, addedRows and deletedRows, not "${extra}"`;
  const { editedRows, addedRows, deletedRows } = value;
  if (!isRecord(editedRows))
    return `editedRows must map row positions to cells, got ${describe(editedRows)}`;
  if (!Array.isArray(addedRows))
    return `addedRows must be a list of rows, got ${describe(addedRows)}`;
  if (!Array.isArray(deletedRows))
    return `deletedRows must be a list of row positions, got ${describe(deletedRows)}`;
  return (
    editedRowsProblem(editedRows, settings) ??
    addedRowsProblem(addedRows, settings) ??
    deletedRowsProblem(deletedRows, settings)
  );
}

// --- Internal helpers ---

function editedRowsProblem(
  editedRows: Record<string, unknown>,
  settings: EditDiffSettings,
): string | undefined {
  for (const [row, cells] of Object.entries(editedRows)) {
    if (!/^(0|[1-9]\d*)$/.test(row) || Number(row) >= settings.rowCount)
      return `edited row ${describe(row)} is not a row of the data (it has ${settings.rowCount} rows, numbered from 0)`;
    if (!isRecord(cells))
      return `edited row ${row} must map column names to values, got ${describe(cells)}`;
    for (const [column, value] of Object.entries(cells)) {
      const problem =
        editableProblem(column, settings) ?? cellProblem(value, column, rulesOf(column, settings)!);
      if (problem) return `edited row ${row}: ${problem}`;
    }
  }
  return undefined;
}

function addedRowsProblem(addedRows: unknown[], settings: EditDiffSettings): string | undefined {
  if (addedRows.length > 0 && !settings.dynamic)
    return 'this editor has a fixed number of rows (numRows "fixed"): rows cannot be added';
  for (const [index, row] of addedRows.entries()) {
    if (!isRecord(row))
      return `added row ${index} must map column names to values, got ${describe(row)}`;
    for (const [column, value] of Object.entries(row)) {
      const problem =
        editableProblem(column, settings) ?? cellProblem(value, column, rulesOf(column, settings)!);
      if (problem) return `added row ${index}: ${problem}`;
    }
    for (const { name, rules } of settings.columns)
      if (rules.required && (row[name] ?? rules.default ?? null) === null)
        return `added row ${index}: column "${name}" is required: it cannot be empty`;
  }
  return undefined;
}

function deletedRowsProblem(
  deletedRows: unknown[],
  settings: EditDiffSettings,
): string | undefined {
  if (deletedRows.length > 0 && !settings.dynamic)
    return 'this editor has a fixed number of rows (numRows "fixed"): rows cannot be deleted';
  for (const row of deletedRows)
    if (!isIndex(row, settings.rowCount))
      return `deleted row ${describe(row)} is not a row of the data (it has ${settings.rowCount} rows, numbered from 0)`;
  return new Set(deletedRows).size === deletedRows.length ? undefined : "a row is deleted twice";
}

function editableProblem(column: string, settings: EditDiffSettings): string | undefined {
  const rules = rulesOf(column, settings);
  if (!rules) return `column ${describe(column)} is not a column of the data`;
  return rules.disabled ? `column "${column}" is disabled: it cannot be edited` : undefined;
}

function rulesOf(column: string, settings: EditDiffSettings): EditRules | undefined {
  return settings.columns.find((known) => known.name === column)?.rules;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The data editor's kind: its value is an edit diff the server checks against the frame's columns. */
export const dataEditorKind = defineWidget("dataEditor", {
  codec: checkedCodec(editDiffProblem),
});
