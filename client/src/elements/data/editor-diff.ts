import type { EditCell, EditDiff } from "../../../../src/protocol/index.ts";

/*
 * The editor's rows: a row below `rowCount` is the data's own (its position
 * as given), the next ones are the diff's added rows, then the rows the user
 * added that still lack a required value (kept in the page until they have it).
 */

/** A cell's edited value, or undefined when the row is the data's and its cell is unedited. */
export function editedCell(
  diff: EditDiff,
  rowCount: number,
  pending: Record<string, EditCell>[],
  row: number,
  column: string,
): { value: EditCell } | undefined {
  if (row < rowCount) {
    const edits = diff.editedRows[String(row)];
    return edits && Object.hasOwn(edits, column) ? { value: edits[column]! } : undefined;
  }
  const added = diff.addedRows[row - rowCount] ?? pending[row - rowCount - diff.addedRows.length];
  return { value: added?.[column] ?? null };
}

/**
 * The diff with one cell set: an edit of the data's row, or a value of an added row.
 * @example withCell(diff, 100, 3, "price", 9.5)
 */
export function withCell(
  diff: EditDiff,
  rowCount: number,
  row: number,
  column: string,
  value: EditCell,
): EditDiff {
  if (row >= rowCount) {
    const addedRows = diff.addedRows.slice();
    addedRows[row - rowCount] = Object.assign({}, addedRows[row - rowCount], { [column]: value });
    return { editedRows: diff.editedRows, addedRows, deletedRows: diff.deletedRows };
  }
  const key = String(row);
  const editedRows = Object.assign({}, diff.editedRows);
  editedRows[key] = Object.assign({}, editedRows[key], { [column]: value });
  return { editedRows, addedRows: diff.addedRows, deletedRows: diff.deletedRows };
}

/** The diff with a row added at the end. */
export function withAddedRow(diff: EditDiff, row: Record<string, EditCell>): EditDiff {
  return {
    editedRows: diff.editedRows,
    addedRows: [...diff.addedRows, row],
    deletedRows: diff.deletedRows,
  };
}

/** The diff without these rows: the data's own are marked deleted (their edits dropped), added ones go. */
export function withoutRows(diff: EditDiff, rowCount: number, rows: number[]): EditDiff {
  const editedRows = Object.assign({}, diff.editedRows);
  const deletedRows = diff.deletedRows.slice();
  for (const row of rows) {
    if (row >= rowCount || deletedRows.includes(row)) continue;
    deletedRows.push(row);
    delete editedRows[String(row)];
  }
  deletedRows.sort((a, b) => a - b);
  const addedRows = diff.addedRows.filter((_, index) => !rows.includes(rowCount + index));
  return { editedRows, addedRows, deletedRows };
}
