import type { JsonValue } from "./elements.ts";

/**
 * Charts drawn by libraries the page loads on demand (Plotly, ECharts,
 * Graphviz, MapLibre), and the selections the selectable ones send back.
 */

/** How a chart fills its container: `height` in pixels, `width` in pixels or the container's (absent). */
export interface ChartSize {
  height?: number;
  width?: number;
}

/** What a Plotly chart lets the user select (Streamlit's `selection_mode`). */
export type PlotlySelectionMode = "points" | "box" | "lasso";

/** One point of a Plotly selection, as Plotly names it (`curveNumber` is the trace). */
export interface PlotlyPoint {
  curveNumber: number;
  pointNumber: number;
  pointIndex: number;
  x?: number | string;
  y?: number | string;
}

/** A box or lasso the user drew: its axes and corners (a box) or vertices (a lasso). */
export interface PlotlyArea {
  xref: string;
  yref: string;
  x: number[];
  y: number[];
}

/** A Plotly chart's widget value, as Streamlit's: the selection under `selection`. */
export interface PlotlyState {
  selection: {
    points: PlotlyPoint[];
    /** The points' `pointIndex`, in order. */
    pointIndices: number[];
    box: PlotlyArea[];
    lasso: PlotlyArea[];
  };
}

/** What a map lets the user select. */
export type MapSelectionMode = "single-object" | "multi-object";

/** A map's widget value: the rows of the data whose points are selected, in the data's order. */
export interface MapState {
  selection: { indices: number[] };
}

/**
 * Long arrays of a chart's data (as many as `CHART_COLUMN_MIN_ITEMS` or more),
 * taken out of its props and stored as one Arrow table in the media store: the
 * page fetches its batches by media id and puts column i at `paths[i]`.
 */
export interface StoredChartColumns {
  /** Media ids of the table's batches, in order (each an Arrow IPC stream). */
  batches: string[];
  /** Where each column goes, as keys from the trace (Plotly) or the props (a map): `["marker", "color"]`. */
  paths: string[][];
  /** Plotly: the index in `figure.data` of the trace these arrays belong to. */
  trace?: number;
}

/** Arrays of at least this many items travel as stored Arrow columns, not in the element. */
export const CHART_COLUMN_MIN_ITEMS = 512;

/** A Plotly figure (`{ data, layout, config }`, checked JSON) drawn by plotly.js. */
export interface PlotlyChartProps extends ChartSize {
  /** The figure, without the arrays that travel in `columns`. */
  figure: { [key: string]: JsonValue };
  /** The traces' long arrays, stored (absent when there are none). */
  columns?: StoredChartColumns[];
  /** "streamlit" (the default) follows the page's light or dark theme; null keeps Plotly's own look. */
  theme: "streamlit" | null;
  /** Set when the user may select: the widget id, the modes, the value. */
  id?: string;
  label?: string;
  selection?: { modes: PlotlySelectionMode[]; value: PlotlyState };
}

/** An ECharts option object drawn by ECharts, with the SVG or canvas renderer. */
export interface EchartsChartProps extends ChartSize {
  option: { [key: string]: JsonValue };
  renderer: "svg" | "canvas";
  theme: "streamlit" | null;
}

/** A graph in the DOT language, laid out by Graphviz in the page. */
export interface GraphvizChartProps extends ChartSize {
  dot: string;
  /** The Graphviz layout engine: dot, neato, circo, fdp, ... */
  engine: string;
}

/**
 * Points on a map, one per row of the data: positions in degrees, a radius in
 * metres (one for all or one per point) and a CSS colour (one or per point).
 */
export interface MapProps extends ChartSize {
  /** The points' latitudes; empty when they travel in `columns` (with longitude, size and color). */
  latitude: number[];
  longitude: number[];
  size: number | number[];
  /** Absent: the page's primary colour. */
  color?: string | string[];
  /** The zoom level; absent, the map fits its points. */
  zoom?: number;
  /** The base map's MapLibre style URL; absent, the page's default (the server's `mapStyle`). */
  mapStyle?: string;
  /** Many points: their latitude, longitude (and per-point size and color) as a stored Arrow table. */
  columns?: StoredChartColumns;
  id?: string;
  label?: string;
  selection?: { mode: MapSelectionMode; value: MapState };
}

/** Charts that may be widgets (they return a selection). */
export interface SelectableChartElements {
  plotlyChart: PlotlyChartProps;
  map: MapProps;
}

/** Charts that are never widgets. */
export interface ChartLibraryElements {
  echartsChart: EchartsChartProps;
  graphvizChart: GraphvizChartProps;
}
