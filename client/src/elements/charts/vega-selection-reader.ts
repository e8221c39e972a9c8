import type {
  ChartSelectionParam,
  ChartSelectionValue,
  DataCell,
  VegaLiteChartState,
} from "../../../../src/protocol/index.ts";

/** What a Vega view offers to read a selection's store by name. */
export interface SelectionSource {
  data(name: string): unknown[];
}

interface StoreTuple {
  fields?: { field: string; type?: string }[];
  values?: unknown[];
}

/**
 * The chart's selection as the server takes it, read from each parameter's
 * store: a point selection as the field values of each point, an interval as
 * each field's `[min, max]` (or the values it spans on a discrete axis).
 * @example readSelection(view, [{ name: "brush", type: "interval" }])
 */
export function readSelection(
  view: SelectionSource,
  params: ChartSelectionParam[],
): VegaLiteChartState {
  const selection: Record<string, ChartSelectionValue> = {};
  for (const param of params) {
    let tuples: StoreTuple[] = [];
    try {
      tuples = view.data(`${param.name}_store`) as StoreTuple[];
    } catch {
      // A parameter the compiled view did not keep: nothing selected.
    }
    selection[param.name] = param.type === "point" ? points(tuples) : interval(tuples);
  }
  return { selection };
}

function points(tuples: StoreTuple[]): Record<string, DataCell>[] {
  return tuples.map((tuple) => {
    const point: Record<string, DataCell> = {};
    (tuple.fields ?? []).forEach((field, at) => {
      point[field.field] = toCell(tuple.values?.[at]);
    });
    return point;
  });
}

function interval(tuples: StoreTuple[]): Record<string, DataCell[]> {
  const ranges: Record<string, DataCell[]> = {};
  for (const tuple of tuples)
    (tuple.fields ?? []).forEach((field, at) => {
      const value = tuple.values?.[at];
      if (Array.isArray(value) && value.length > 0) ranges[field.field] = value.map(toCell);
    });
  return ranges;
}

function toCell(value: unknown): DataCell {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  return value === undefined ? null : String(value);
}
