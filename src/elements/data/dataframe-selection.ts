import type {
  DataframeSelection,
  DataframeSelectionMode,
  DataframeState,
} from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { checkedCodec, defineWidget, describe, isIndex } from "../core/widget-kind.ts";

/** What checking a selection needs, kept in the session record: the modes, the frame's rows and columns. */
export interface DataframeSelectionSettings {
  modes: DataframeSelectionMode[];
  rowCount: number;
  columns: string[];
}

const MODES: readonly DataframeSelectionMode[] = [
  "single-row",
  "multi-row",
  "single-column",
  "multi-column",
  "single-cell",
  "multi-cell",
];

/** The selection of nothing: the value of a dataframe nobody has clicked. */
export function emptySelection(): DataframeState {
  return { selection: { rows: [], columns: [], cells: [] } };
}

/**
 * The modes an app asked for, checked as Streamlit checks them: known names,
 * and not both the single and multi mode of one target. Default "multi-row".
 * @example selectionModes(["multi-row", "single-column"]) // ["multi-row", "single-column"]
 */
export function selectionModes(requested: unknown): DataframeSelectionMode[] {
  const list = requested === undefined ? ["multi-row"] : [requested].flat();
  if (list.length === 0)
    throw new EdgelitApiError("st.dataframe: selectionMode names no mode; give at least one.");
  const modes: DataframeSelectionMode[] = [];
  for (const mode of list) {
    if (!MODES.includes(mode as DataframeSelectionMode))
      throw new EdgelitApiError(
        `st.dataframe: selectionMode ${describe(mode)} is not one of ${MODES.map((known) => `"${known}"`).join(", ")}.`,
      );
    if (!modes.includes(mode as DataframeSelectionMode)) modes.push(mode as DataframeSelectionMode);
  }
  for (const target of ["row", "column", "cell"])
    if (modes.includes(`single-${target}` as never) && modes.includes(`multi-${target}` as never))
      throw new EdgelitApiError(
        `st.dataframe: selectionMode cannot hold both "single-${target}" and "multi-${target}".`,
      );
  return modes;
}

/** Why a selection does not fit the frame and its modes, or undefined when it does. */
export function selectionProblem(
  value: unknown,
  settings: DataframeSelectionSettings,
): string | undefined {
  if (!isRecord(value) || !isRecord(value.selection))
    return `expected { selection: { rows, columns, cells } }, got ${describe(value)}`;
  const selection = value.selection;
  const extra = Object.keys(selection).find((name) => !["rows", "columns", "cells"].includes(name));
  if (extra !== undefined) return `a selection holds rows, columns and cells, not "${extra}"`;
  const { rows, columns, cells } = selection as Partial<Record<keyof DataframeSelection, unknown>>;
  if (!Array.isArray(rows) || !Array.isArray(columns) || !Array.isArray(cells))
    return "rows, columns and cells must each be a list";
  return (
    targetProblem("row", rows.length, settings.modes) ??
    targetProblem("column", columns.length, settings.modes) ??
    targetProblem("cell", cells.length, settings.modes) ??
    rowsProblem(rows, settings.rowCount) ??
    columnsProblem(columns, settings.columns) ??
    cellsProblem(cells, settings)
  );
}

// --- Internal helpers ---

function targetProblem(
  target: "row" | "column" | "cell",
  count: number,
  modes: DataframeSelectionMode[],
): string | undefined {
  if (count === 0) return undefined;
  if (modes.includes(`multi-${target}`)) return undefined;
  if (modes.includes(`single-${target}`))
    return count === 1 ? undefined : `this dataframe selects one ${target} at most, got ${count}`;
  return `this dataframe does not select ${target}s (its modes: ${modes.join(", ")})`;
}

function rowsProblem(rows: unknown[], rowCount: number): string | undefined {
  for (const row of rows)
    if (!isIndex(row, rowCount))
      return `row ${describe(row)} is not a row of the data (it has ${rowCount} rows, numbered from 0)`;
  return new Set(rows).size === rows.length ? undefined : "a row is selected twice";
}

function columnsProblem(columns: unknown[], known: string[]): string | undefined {
  for (const column of columns)
    if (typeof column !== "string" || !known.includes(column))
      return `column ${describe(column)} is not a column of the data`;
  return new Set(columns).size === columns.length ? undefined : "a column is selected twice";
}

function cellsProblem(cells: unknown[], settings: DataframeSelectionSettings): string | undefined {
  const seen = new Set<string>();
  for (const cell of cells) {
    if (!Array.isArray(cell) || cell.length !== 2)
      return `a cell is [row, column name], got ${describe(cell)}`;
    const problem =
      rowsProblem([cell[0]], settings.rowCount) ?? columnsProblem([cell[1]], settings.columns);
    if (problem) return `cell ${describe(cell)}: ${problem}`;
    const name = `${cell[0]}\u0000${cell[1]}`;
    if (seen.has(name)) return `cell ${describe(cell)} is selected twice`;
    seen.add(name);
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The selectable dataframe's kind: its value is a selection the server checks against the frame. */
export const dataframeKind = defineWidget("dataframe", {
  codec: checkedCodec(selectionProblem),
});
