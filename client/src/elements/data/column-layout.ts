import type { DataColumn } from "../../../../src/protocol/index.ts";

/** A column's least width when the app sets none: columns share the rest of the grid's width. */
export const COLUMN_WIDTH = 150;
const NAMED_WIDTHS = { small: 75, medium: 200, large: 400 };

/** Widths the user set by dragging a header's edge, in pixels, by column name. */
export type ColumnWidths = Readonly<Record<string, number>>;

/** The width the user or the app set for a column, in pixels, or undefined. */
export function columnWidth(column: DataColumn, widths: ColumnWidths = {}): number | undefined {
  const dragged = widths[column.name];
  if (dragged !== undefined) return dragged;
  const width = column.display?.width;
  return typeof width === "string" ? NAMED_WIDTHS[width] : width;
}

/**
 * The grid's columns as CSS: the leading ones (checkbox, row numbers) at
 * their widths, then each column at its set width or sharing the rest.
 * @example gridTemplate([48], [{ name: "a", type: "string" }]) // "48px minmax(150px, 1fr)"
 */
export function gridTemplate(
  leading: number[],
  columns: DataColumn[],
  dragged: ColumnWidths = {},
): string {
  const widths = columns.map((column) => {
    const width = columnWidth(column, dragged);
    return width === undefined ? `minmax(${COLUMN_WIDTH}px, 1fr)` : `${width}px`;
  });
  return [...leading.map((width) => `${width}px`), ...widths].join(" ");
}

/** The grid's least width: every column at its set or least width. */
export function gridMinWidth(
  leading: number[],
  columns: DataColumn[],
  dragged: ColumnWidths = {},
): number {
  let total = leading.reduce((sum, width) => sum + width, 0);
  for (const column of columns) total += columnWidth(column, dragged) ?? COLUMN_WIDTH;
  return total;
}

/**
 * Where each pinned column sticks (its left edge, in pixels), undefined for
 * the others. Pinned columns come first (the server orders them), after the
 * leading ones, which stick too while any column is pinned.
 */
export function pinnedOffsets(
  leading: number[],
  columns: DataColumn[],
  dragged: ColumnWidths = {},
): (number | undefined)[] {
  let left = leading.reduce((sum, width) => sum + width, 0);
  return columns.map((column) => {
    if (!column.display?.pinned) return undefined;
    const at = left;
    left += columnWidth(column, dragged) ?? COLUMN_WIDTH;
    return at;
  });
}

/** The style of a cell that sticks at `left` pixels, or none for one that scrolls. */
export function stickyStyle(left: number | undefined): Record<string, string> | undefined {
  return left === undefined ? undefined : { position: "sticky", left: `${left}px`, "z-index": "1" };
}
