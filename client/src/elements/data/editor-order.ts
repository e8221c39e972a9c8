import type { EditDiff } from "../../../../src/protocol/index.ts";

/**
 * The editor's rows in the order shown: the data's rows (sorted when
 * `sorted` is given), then the added and pending rows, without the deleted
 * ones; undefined when that is every row in order. Rows are numbered as the
 * diff numbers them, so an edit of a shown row goes to its row in the data.
 * @example editorOrder(3, { editedRows: {}, addedRows: [], deletedRows: [1] }, 0, undefined) // Int32Array [0, 2]
 */
export function editorOrder(
  rowCount: number,
  diff: EditDiff,
  pendingCount: number,
  sorted: Int32Array | undefined,
): Int32Array | undefined {
  if (!sorted && diff.deletedRows.length === 0) return undefined;
  const deleted = new Set(diff.deletedRows);
  const total = rowCount + diff.addedRows.length + pendingCount;
  const rows: number[] = [];
  for (let at = 0; at < rowCount; at++) {
    const row = sorted ? sorted[at]! : at;
    if (!deleted.has(row)) rows.push(row);
  }
  for (let row = rowCount; row < total; row++) rows.push(row);
  return Int32Array.from(rows);
}
