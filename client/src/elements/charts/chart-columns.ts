import { tableFromIPC, type Vector } from "apache-arrow";
import { ROUTES, type StoredChartColumns } from "../../../../src/protocol/index.ts";

/** One column as a chart library takes it: numbers as a Float64Array when there is no gap. */
export type ChartColumnValues = Float64Array | unknown[];

const fetched = new Map<string, Promise<ChartColumnValues[]>>();

/**
 * The stored arrays of a chart, column by column: each batch fetched once per
 * page (kept while charts show it) and read from Arrow. Numbers without gaps
 * come as a Float64Array (no copy when there is one batch); others as lists,
 * 64-bit integers as numbers and NaN or infinities as gaps (null).
 * @example const [xs, ys] = await loadChartColumns(props.columns[0]);
 */
export async function loadChartColumns(stored: StoredChartColumns): Promise<ChartColumnValues[]> {
  const batches = await Promise.all(stored.batches.map(batchColumns));
  if (batches.length === 1) return batches[0]!;
  return stored.paths.map((_, column) => joined(batches.map((batch) => batch[column] ?? [])));
}

/**
 * Puts each column at its path in `target` (a trace, the map's props),
 * making the objects on the way when they are missing.
 * @example placeColumns(trace, [["marker", "color"]], [colors]) // trace.marker.color = colors
 */
export function placeColumns(
  target: Record<string, unknown>,
  paths: string[][],
  columns: ChartColumnValues[],
): void {
  paths.forEach((path, index) => {
    let place = target;
    for (const key of path.slice(0, -1)) {
      const next = place[key];
      if (next === null || typeof next !== "object")
        place[key] = /^\d+$/.test(key) ? [] : ({} as Record<string, unknown>);
      place = place[key] as Record<string, unknown>;
    }
    place[path[path.length - 1]!] = columns[index];
  });
}

// --- Internal helpers ---

function batchColumns(id: string): Promise<ChartColumnValues[]> {
  let columns = fetched.get(id);
  if (!columns) {
    columns = fetch(`${ROUTES.media}${id}`).then(async (response) => {
      if (!response.ok) throw new Error(`a chart's data failed to load: HTTP ${response.status}`);
      const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
      return table.schema.fields.map((_, index) => columnValues(table.getChildAt(index)!));
    });
    columns.catch(() => fetched.delete(id));
    if (fetched.size > 64) fetched.clear();
    fetched.set(id, columns);
  }
  return columns;
}

function columnValues(vector: Vector): ChartColumnValues {
  const values = vector.toArray() as unknown;
  if (values instanceof Float64Array && vector.nullCount === 0 && values.every(Number.isFinite))
    return values;
  const list: unknown[] = Array.from({ length: vector.length });
  for (let row = 0; row < vector.length; row++) {
    const value: unknown = vector.get(row);
    list[row] =
      typeof value === "bigint"
        ? Number(value)
        : typeof value === "number" && !Number.isFinite(value)
          ? null
          : value;
  }
  return list;
}

function joined(parts: ChartColumnValues[]): ChartColumnValues {
  if (parts.every((part) => part instanceof Float64Array)) {
    const all = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
    return all;
  }
  return parts.flatMap((part) => Array.from(part));
}
