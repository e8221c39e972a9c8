import type { DataColumn } from "../../../../src/protocol/index.ts";
import { csvText } from "./frame-csv.ts";
import type { GridCell } from "./grid-focus.ts";
import type { GridSelection } from "./grid-selection.ts";

/** What a copy reads of its grid. */
export interface CopySource {
  columns: DataColumn[];
  selection: GridSelection | undefined;
  /** The focused cell (row -1: the header). */
  active: GridCell;
  rowCount: number;
  /** The frame's row shown at a position (after sort and search). */
  sourceRow(shown: number): number;
  /** A cell's value by the frame's row and the shown column; undefined while its batch loads. */
  cellValue(row: number, column: number): unknown;
  /** True once every batch is loaded (a copy of whole columns needs them). */
  allLoaded: boolean;
}

/**
 * What Ctrl+C (Cmd+C) copies, as tab-separated text (lines by "\n", fields
 * quoted as a spreadsheet does when they hold a tab, a quote or a line
 * break): the selected rows (every column), else the selected cells (the
 * rectangle around them, other cells empty), else the selected columns
 * (every row, once loaded), else the focused cell.
 * @example copiedText(source) // "1\tAda\n2\tGrace"
 */
export function copiedText(source: CopySource): string {
  const selected = source.selection?.selected();
  const names = source.columns.map((column) => column.name);
  const all = names.map((_, at) => at);
  const text = (row: number, column: number) =>
    tsvField(csvText(source.cellValue(row, column), source.columns[column]!.type));
  const lines = (
    rows: number[],
    columns: number[],
    keep = (_row: number, _column: number) => true,
  ) =>
    rows
      .map((row) =>
        columns.map((column) => (keep(row, column) ? text(row, column) : "")).join("\t"),
      )
      .join("\n");

  if (selected && selected.rows.length > 0)
    return lines(
      [...selected.rows].sort((a, b) => a - b),
      all,
    );
  if (selected && selected.cells.length > 0) {
    const rows = selected.cells.map(([row]) => row);
    const columns = selected.cells.map(([, name]) => names.indexOf(name)).filter((at) => at >= 0);
    const first = Math.min(...rows);
    const within = (low: number, high: number) =>
      Array.from({ length: high - low + 1 }, (_, i) => low + i);
    return lines(
      within(first, Math.max(...rows)),
      within(Math.min(...columns), Math.max(...columns)),
      (row, column) => selected.cells.some(([r, name]) => r === row && name === names[column]),
    );
  }
  if (selected && selected.columns.length > 0 && source.allLoaded) {
    const columns = selected.columns.map((name) => names.indexOf(name)).filter((at) => at >= 0);
    const rows = Array.from({ length: source.rowCount }, (_, shown) => source.sourceRow(shown));
    return lines(rows, columns);
  }
  const { row, column } = source.active;
  if (column >= names.length) return "";
  if (row < 0) return tsvField(names[column]!);
  return text(source.sourceRow(row), column);
}

/** Puts the text on the clipboard; a refusal (no permission) is logged, not thrown. */
export function writeClipboard(text: string): void {
  navigator.clipboard?.writeText(text).catch((error: unknown) => {
    console.warn("edgelit: the clipboard refused the copy", error);
  });
}

/** True for Ctrl+C, or Cmd+C on a Mac. */
export function isCopyKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "c";
}

// --- Internal helpers ---

function tsvField(text: string): string {
  return /[\t"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
