import { CHART_COLUMN_MIN_ITEMS } from "../../protocol/index.ts";
import type { ChartColumn } from "./chart-columns.ts";

/** The long arrays of one trace that share a length: they travel as one stored table. */
export interface TraceColumns {
  trace: number;
  length: number;
  columns: ChartColumn[];
}

/** A figure whose traces' long arrays were taken out, and those arrays. */
export interface LiftedFigure {
  /** The figure with the long arrays left out (the app's own objects are not changed). */
  figure: unknown;
  groups: TraceColumns[];
}

/**
 * Takes the long arrays out of a figure's traces: arrays (or typed arrays) of
 * `CHART_COLUMN_MIN_ITEMS` or more numbers, or of strings, with gaps (null)
 * allowed, found in a trace, its nested objects (`marker.color`) and lists of
 * objects (`dimensions[0].values`). Other arrays (dates, mixed values, short
 * ones) stay in the figure, and are checked as JSON with the rest of it.
 * @example liftTraceArrays({ data: [{ y: longList }] }).groups[0].columns[0].path // ["y"]
 */
export function liftTraceArrays(figure: unknown): LiftedFigure {
  if (!isPlainObject(figure) || !Array.isArray(figure.data)) return { figure, groups: [] };
  const groups: TraceColumns[] = [];
  const data = figure.data.map((trace: unknown, index) => {
    if (!isPlainObject(trace)) return trace;
    const byLength = new Map<number, ChartColumn[]>();
    const stripped = strip(trace, [], 0, byLength);
    for (const [length, columns] of byLength) groups.push({ trace: index, length, columns });
    return stripped;
  });
  if (groups.length === 0) return { figure, groups };
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(figure)) copy[key] = value;
  copy.data = data;
  return { figure: copy, groups };
}

/**
 * The number of points of a trace whose `name` array was lifted: what checking
 * a selection needs (see `traceLengths`).
 * @example liftedLength(groups, 0, "x") // 100000
 */
export function liftedLength(groups: TraceColumns[], trace: number, name: string): number | null {
  for (const group of groups)
    if (
      group.trace === trace &&
      group.columns.some((column) => column.path.length === 1 && column.path[0] === name)
    )
      return group.length;
  return null;
}

// --- Internal helpers ---

/** Deep enough for `error_y.array`, `marker.line.color` and `dimensions[0].values`. */
const MAX_DEPTH = 3;

function strip(
  value: Record<string, unknown>,
  path: string[],
  depth: number,
  byLength: Map<number, ChartColumn[]>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const itemPath = [...path, key];
    if (isLiftable(item)) {
      const length = item.length;
      const columns = byLength.get(length) ?? [];
      columns.push({ path: itemPath, values: item });
      byLength.set(length, columns);
    } else if (depth < MAX_DEPTH && isPlainObject(item))
      result[key] = strip(item, itemPath, depth + 1, byLength);
    else if (depth < MAX_DEPTH && Array.isArray(item) && item.some(isPlainObject))
      result[key] = item.map((element: unknown, index) =>
        isPlainObject(element)
          ? strip(element, [...itemPath, String(index)], depth + 1, byLength)
          : element,
      );
    else result[key] = item;
  }
  return result;
}

function isLiftable(value: unknown): value is ArrayLike<unknown> {
  if (ArrayBuffer.isView(value))
    return (
      !(value instanceof DataView) &&
      !(value instanceof BigInt64Array) &&
      !(value instanceof BigUint64Array) &&
      (value as unknown as ArrayLike<number>).length >= CHART_COLUMN_MIN_ITEMS
    );
  if (!Array.isArray(value) || value.length < CHART_COLUMN_MIN_ITEMS) return false;
  let kind: "number" | "string" | undefined;
  for (const item of value) {
    if (item === null) continue;
    const itemKind = typeof item;
    if (itemKind !== "number" && itemKind !== "string") return false;
    if (kind === undefined) kind = itemKind;
    else if (kind !== itemKind) return false;
  }
  return kind !== undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
