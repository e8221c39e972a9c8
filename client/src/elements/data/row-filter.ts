/**
 * The shown rows (`order`, or the frame's order) whose text in any column
 * holds `query`, ignoring case; every row for an empty query.
 * @example matchingRows(undefined, 3, "b", (row) => ["a", "b", "ab"][row]!) // Int32Array [1, 2]
 */
export function matchingRows(
  order: Int32Array | undefined,
  rowCount: number,
  query: string,
  rowText: (row: number) => string,
): Int32Array | undefined {
  const wanted = query.trim().toLocaleLowerCase();
  if (wanted === "") return order;
  const found: number[] = [];
  for (let shown = 0; shown < rowCount; shown++) {
    const row = order ? order[shown]! : shown;
    if (rowText(row).toLocaleLowerCase().includes(wanted)) found.push(row);
  }
  return Int32Array.from(found);
}
