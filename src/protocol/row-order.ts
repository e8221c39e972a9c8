/** What the page asks of `ROUTES.frameOrder`: the frame (its batches' media ids, in order), a column and a direction. */
export interface FrameOrderRequest {
  batches: string[];
  column: string;
  descending: boolean;
}

/** Its answer: the media id of the row order (`GET /_edgelit/media/<id>`), and its row count. */
export interface FrameOrderAnswer {
  order: string;
  rows: number;
}

/** Media type of a stored row order: the frame's row positions as little-endian 32-bit integers. */
export const ROW_ORDER_TYPE = "application/vnd.edgelit.row-order";

/** A sort by one column: its index among the shown columns, and the direction. */
export interface SortState {
  column: number;
  descending: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true });

/**
 * The rows' order sorted by one column's values (`valueAt(row)`): numbers,
 * bigints and dates by value, text by the reader's collation, false before
 * true; empty cells last whichever the direction. Ties keep the frame's order.
 * @example sortedOrder(3, { column: 0, descending: false }, (row) => [3, 1, 2][row]) // [1, 2, 0]
 */
export function sortedOrder(
  rowCount: number,
  state: SortState,
  valueAt: (row: number) => unknown,
): Int32Array {
  const values: unknown[] = Array.from({ length: rowCount });
  for (let row = 0; row < rowCount; row++) values[row] = valueAt(row);
  const order = Array.from({ length: rowCount }, (_, row) => row);
  const sign = state.descending ? -1 : 1;
  order.sort((a, b) => {
    const left = values[a];
    const right = values[b];
    const leftEmpty = left === null || left === undefined;
    const rightEmpty = right === null || right === undefined;
    if (leftEmpty || rightEmpty) return leftEmpty === rightEmpty ? a - b : leftEmpty ? 1 : -1;
    return sign * compare(left, right) || a - b;
  });
  return Int32Array.from(order);
}

function compare(left: unknown, right: unknown): number {
  if (typeof left === "string" && typeof right === "string") return collator.compare(left, right);
  if (left instanceof Date && right instanceof Date) return left.getTime() - right.getTime();
  if (typeof left === "number" && typeof right === "number")
    return Number.isNaN(left)
      ? Number.isNaN(right)
        ? 0
        : 1
      : Number.isNaN(right)
        ? -1
        : left - right;
  if (typeof left === "bigint" && typeof right === "bigint")
    return left < right ? -1 : left > right ? 1 : 0;
  const [a, b] = [String(left), String(right)];
  return a < b ? -1 : a > b ? 1 : 0;
}
