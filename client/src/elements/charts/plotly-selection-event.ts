import type {
  PlotlyArea,
  PlotlyPoint,
  PlotlySelectionMode,
  PlotlyState,
} from "../../../../src/protocol/index.ts";

/** What plotly.js passes to its click and select handlers (the parts the selection reads). */
export interface PlotlyEventData {
  points?: {
    curveNumber?: unknown;
    pointNumber?: unknown;
    pointIndex?: unknown;
    x?: unknown;
    y?: unknown;
  }[];
  range?: Record<string, unknown>;
  lassoPoints?: Record<string, unknown>;
}

/** The selection to send for a click on points or a finished box or lasso. */
export function toPlotlyState(event: PlotlyEventData | undefined): PlotlyState {
  const points: PlotlyPoint[] = [];
  for (const point of event?.points ?? []) {
    const { curveNumber, pointNumber } = point;
    // Binned traces (histograms) name several points at once: not one row of the data.
    if (typeof curveNumber !== "number" || typeof pointNumber !== "number") continue;
    const pointIndex = typeof point.pointIndex === "number" ? point.pointIndex : pointNumber;
    const selected: PlotlyPoint = { curveNumber, pointNumber, pointIndex };
    if (isCoordinate(point.x)) selected.x = point.x;
    if (isCoordinate(point.y)) selected.y = point.y;
    points.push(selected);
  }
  return {
    selection: {
      points,
      pointIndices: points.map((point) => point.pointIndex),
      box: areas(event?.range, 2),
      lasso: areas(event?.lassoPoints, 3),
    },
  };
}

/** The drag mode a chart starts in: a box when the app allows boxes, else a lasso, else zooming. */
export function dragModeFor(modes: PlotlySelectionMode[]): "select" | "lasso" | "zoom" {
  if (modes.includes("box")) return "select";
  if (modes.includes("lasso")) return "lasso";
  return "zoom";
}

// --- Internal helpers ---

function isCoordinate(value: unknown): value is number | string {
  return (typeof value === "number" && Number.isFinite(value)) || typeof value === "string";
}

/** `{ x: [...], y: [...] }` (or `x2`/`y2` for other axes) as areas with their axis names. */
function areas(byAxis: Record<string, unknown> | undefined, fewest: number): PlotlyArea[] {
  if (!byAxis) return [];
  const found: PlotlyArea[] = [];
  for (const xref of Object.keys(byAxis).filter((name) => name.startsWith("x"))) {
    const yref = `y${xref.slice(1)}`;
    const x = numbers(byAxis[xref]);
    const y = numbers(byAxis[yref] ?? byAxis.y);
    if (x.length >= fewest && x.length === y.length) found.push({ xref, yref, x, y });
  }
  return found;
}

function numbers(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item) => (typeof item === "number" ? item : Date.parse(String(item))))
    .filter(Number.isFinite);
}
