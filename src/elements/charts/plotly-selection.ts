import type { JsonValue, PlotlySelectionMode, PlotlyState } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { checkedCodec, defineWidget, describe, isIndex } from "../core/widget-kind.ts";

/** What checking a Plotly selection needs, kept in the session record: the modes and each trace's length. */
export interface PlotlySelectionSettings {
  modes: PlotlySelectionMode[];
  /** Per trace, its number of points, or null when the figure does not say (no x or y array). */
  traceLengths: (number | null)[];
}

const MODES: readonly PlotlySelectionMode[] = ["points", "box", "lasso"];
const POINT_KEYS = ["curveNumber", "pointNumber", "pointIndex", "x", "y"];
/** Most points a selection may name when the figure's traces do not say how many they have. */
const MAX_POINTS = 100_000;

/** The selection of nothing: a Plotly chart nobody has selected in. */
export function emptyPlotlySelection(): PlotlyState {
  return { selection: { points: [], pointIndices: [], box: [], lasso: [] } };
}

/**
 * The modes an app asked for (Streamlit's default: all three).
 * @example plotlySelectionModes("box") // ["box"]
 */
export function plotlySelectionModes(requested: unknown): PlotlySelectionMode[] {
  const list = requested === undefined ? [...MODES] : [requested].flat();
  if (list.length === 0)
    throw new EdgelitApiError("st.plotlyChart: selectionMode names no mode; give at least one.");
  const modes: PlotlySelectionMode[] = [];
  for (const mode of list) {
    if (!MODES.includes(mode as PlotlySelectionMode))
      throw new EdgelitApiError(
        `st.plotlyChart: selectionMode ${describe(mode)} is not one of "points", "box", "lasso".`,
      );
    if (!modes.includes(mode as PlotlySelectionMode)) modes.push(mode as PlotlySelectionMode);
  }
  return modes;
}

/**
 * Each trace's number of points, from its `x`, `y` (or `values`, for pies)
 * array; `lifted` gives the length of an array taken out of the figure to be stored.
 */
export function traceLengths(
  figure: { [key: string]: JsonValue },
  lifted: (trace: number, name: string) => number | null = () => null,
): (number | null)[] {
  const data = figure.data;
  if (!Array.isArray(data)) return [];
  return data.map((trace, index) => {
    if (trace === null || typeof trace !== "object" || Array.isArray(trace)) return null;
    for (const name of ["x", "y", "values", "lat", "z"]) {
      const column = trace[name];
      if (Array.isArray(column)) return column.length;
      const length = lifted(index, name);
      if (length !== null) return length;
    }
    return null;
  });
}

/** Why a selection does not fit the figure and its modes, or undefined when it does. */
export function plotlySelectionProblem(
  value: unknown,
  settings: PlotlySelectionSettings,
): string | undefined {
  if (!isRecord(value) || !isRecord(value.selection))
    return `expected { selection: { points, pointIndices, box, lasso } }, got ${describe(value)}`;
  const selection = value.selection;
  const extra = Object.keys(selection).find(
    (name) => !["points", "pointIndices", "box", "lasso"].includes(name),
  );
  if (extra !== undefined)
    return `a selection holds points, pointIndices, box and lasso, not "${extra}"`;
  const { points, pointIndices, box, lasso } = selection;
  if (![points, pointIndices, box, lasso].every(Array.isArray))
    return "points, pointIndices, box and lasso must each be a list";
  const pointList = points as unknown[];
  if (pointList.length > MAX_POINTS) return `a selection holds at most ${MAX_POINTS} points`;
  for (const [position, point] of pointList.entries()) {
    const problem = pointProblem(point, settings.traceLengths);
    if (problem) return `points[${position}]: ${problem}`;
  }
  const indices = pointList.map((point) => (point as { pointIndex: number }).pointIndex);
  if (JSON.stringify(indices) !== JSON.stringify(pointIndices))
    return "pointIndices must be the points' pointIndex, in order";
  return (
    areaProblem("box", box as unknown[], settings.modes) ??
    areaProblem("lasso", lasso as unknown[], settings.modes)
  );
}

/** The selectable Plotly chart's kind: its value is a selection the server checks against the figure. */
export const plotlyChartKind = defineWidget("plotlyChart", {
  codec: checkedCodec(plotlySelectionProblem),
});

// --- Internal helpers ---

function pointProblem(point: unknown, lengths: (number | null)[]): string | undefined {
  if (!isRecord(point)) return "a point is an object";
  const extra = Object.keys(point).find((name) => !POINT_KEYS.includes(name));
  if (extra !== undefined) return `a point holds ${POINT_KEYS.join(", ")}, not "${extra}"`;
  if (!isIndex(point.curveNumber, lengths.length))
    return `curveNumber is not a trace of the figure (it has ${lengths.length})`;
  const length = lengths[point.curveNumber] ?? MAX_POINTS;
  if (!isIndex(point.pointNumber, length)) return `pointNumber is not a point of its trace`;
  if (!isIndex(point.pointIndex, length)) return `pointIndex is not a point of its trace`;
  for (const axis of ["x", "y"] as const) {
    const coordinate = point[axis];
    if (coordinate === undefined) continue;
    if (typeof coordinate === "string" ? coordinate.length > 1000 : !Number.isFinite(coordinate))
      return `${axis} must be a number or a short text`;
  }
  return undefined;
}

function areaProblem(
  mode: "box" | "lasso",
  areas: unknown[],
  modes: PlotlySelectionMode[],
): string | undefined {
  if (areas.length === 0) return undefined;
  if (!modes.includes(mode))
    return `this chart does not select by ${mode} (its modes: ${modes.join(", ")})`;
  if (areas.length > 100) return `a selection holds at most 100 ${mode} areas`;
  for (const area of areas) {
    if (!isRecord(area) || typeof area.xref !== "string" || typeof area.yref !== "string")
      return `a ${mode} is { xref, yref, x, y }, got ${describe(area)}`;
    const { x, y } = area;
    if (!isNumbers(x) || !isNumbers(y) || x.length !== y.length)
      return `a ${mode}'s x and y must be lists of numbers of one length`;
    if (mode === "box" ? x.length !== 2 : x.length < 3 || x.length > 10_000)
      return mode === "box" ? "a box has two corners" : "a lasso has 3 to 10,000 vertices";
  }
  return undefined;
}

function isNumbers(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isFinite(item));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
