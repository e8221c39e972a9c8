import type { Accessor } from "solid-js";
import type { EditDiff } from "../../../../src/protocol/index.ts";
import { withCell } from "./editor-diff.ts";
import type { PastePlan } from "./editor-paste.ts";
import type { EditorRefusals } from "./editor-refusals.ts";
import type { EditorRows } from "./editor-rows.ts";

/** What committing a paste changes in its editor. */
export interface PasteCommitOptions {
  diff: Accessor<EditDiff>;
  rowCount: Accessor<number>;
  rows: EditorRows;
  refusals: EditorRefusals;
  commit(diff: EditDiff): void;
  /** Reads a refusal out to screen readers. */
  announce(text: string): void;
}

/**
 * Applies a paste's plan as one commit: the taken cells and the complete new
 * rows go into the diff together (one event); new rows still lacking a
 * required value wait in the page, as added ones do; refused cells are
 * marked with their reason and taken ones lose their old mark.
 * @example commitPaste(planPaste(block, target), { diff, rowCount, rows, refusals, commit, announce });
 */
export function commitPaste(plan: PastePlan, options: PasteCommitOptions): void {
  const { rows, refusals } = options;
  const rowCount = options.rowCount();
  const firstPending = rowCount + options.diff().addedRows.length;
  let next = options.diff();
  const later: PastePlan["cells"] = [];
  for (const cell of plan.cells)
    if (cell.row >= firstPending) later.push(cell);
    else next = withCell(next, rowCount, cell.row, cell.column, cell.value);
  const sent = rows.takeRows(plan.newRows);
  if (sent.length > 0)
    next = {
      editedRows: next.editedRows,
      addedRows: [...next.addedRows, ...sent],
      deletedRows: next.deletedRows,
    };
  // A new row's refused cell: where that row now shows (sent ones first, then those pending).
  const newRowNumber = (index: number) => {
    const row = plan.newRows[index]!;
    const sentAt = sent.indexOf(row);
    if (sentAt >= 0) return rowCount + next.addedRows.length - sent.length + sentAt;
    return rowCount + next.addedRows.length + rows.pending().indexOf(row);
  };
  refusals.set([
    ...plan.cells.map((cell) => ({ row: cell.row, column: cell.column, reason: undefined })),
    ...plan.refused.map((cell) => ({
      row: cell.row < 0 ? newRowNumber(-cell.row - 1) : cell.row,
      column: cell.column,
      reason: cell.reason,
    })),
  ]);
  if (next !== options.diff()) options.commit(next);
  // Cells of rows still pending (added, not yet complete) are set as typed ones are.
  for (const cell of later) rows.setPendingCell(cell.row - firstPending, cell.column, cell.value);
  const refused = plan.refused[0];
  if (refused)
    options.announce(
      plan.refused.length > 1
        ? `${plan.refused.length} pasted cells refused; the first: ${refused.reason}`
        : refused.reason,
    );
}
