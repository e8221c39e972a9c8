import type { ChartSelectionParam, VegaLiteChartState } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import type { ElementHandle } from "../core/handle.ts";
import type { TabularData } from "../data/to-arrow.ts";
import {
  drawChart,
  isSelectable,
  wantsSelection,
  type ChartOptions,
  type ChartRequest,
} from "./vega-chart-draw.ts";
import { encodeChartData } from "./vega-datasets.ts";
import {
  simpleChartSpec,
  type SimpleChartSpecOptions,
  type SimpleChartType,
} from "./simple-charts-spec.ts";

/** Options of `lineChart`, `areaChart`, `barChart` and `scatterChart`. */
export interface SimpleChartOptions extends ChartOptions, SimpleChartSpecOptions {
  /** The column of the x axis (default: the row number). */
  x?: string;
  /** The column(s) of the y axis (default: every other column); several draw one series each. */
  y?: string | string[];
  /** A column whose values colour (and split) the series, a colour ("#ff0000"), or one colour per `y` column. */
  color?: string | string[];
  /** Scatter charts: a column of numbers sizing the points, or one size for all (default 100). */
  size?: string | number;
  /** The x axis' title (default: the `x` column's name, or none). */
  xLabel?: string;
  /** The y axis' title (default: the `y` column's name when there is one, or none). */
  yLabel?: string;
  /** Bar and area charts: stack the series (true), side by side (false), as shares ("normalize"), "center" or "layered". */
  stack?: SimpleChartSpecOptions["stack"];
  /** Bar charts: bars run left to right, the categories down the y axis. */
  horizontal?: boolean;
  /** What the user can select with `onSelect`: "point" (click), "interval" (drag a box) or both; default both. */
  selectionMode?: "point" | "interval" | ("point" | "interval")[];
}

/** A simple chart's options when it lets the user select. */
export type SelectableSimpleChartOptions = SimpleChartOptions & {
  onSelect: "rerun" | (() => unknown);
};

/** A simple chart's two forms: a selectable chart returns its selection, a read-only one its handle. */
export interface SimpleChartMethod {
  (this: Drawable, data: TabularData, options: SelectableSimpleChartOptions): VegaLiteChartState;
  (this: Drawable, data: TabularData, options?: SimpleChartOptions): ElementHandle;
}

function simpleChart(type: SimpleChartType, method: string): SimpleChartMethod {
  return function chart(
    this: Drawable,
    data: TabularData,
    options: SimpleChartOptions = {},
  ): ElementHandle | VegaLiteChartState {
    return drawChart(
      this[TARGET],
      () => chartRequest(type, method, data, options),
      wantsSelection(options.onSelect),
    );
  } as SimpleChartMethod;
}

function chartRequest(
  type: SimpleChartType,
  method: string,
  data: TabularData,
  options: SimpleChartOptions,
): ChartRequest {
  const selectable = isSelectable(method, options.onSelect);
  const modes = selectable ? selectionModes(method, options.selectionMode) : [];
  const chartFrame = encodeChartData(data, method);
  const specOptions: SimpleChartSpecOptions = {};
  for (const name of [
    "x",
    "y",
    "color",
    "size",
    "xLabel",
    "yLabel",
    "stack",
    "horizontal",
  ] as const)
    if (options[name] !== undefined) (specOptions as Record<string, unknown>)[name] = options[name];
  if (modes.length > 0) specOptions.selectionMode = modes;
  const { spec, fields } = simpleChartSpec(method, type, chartFrame.columns, specOptions);
  if (options.height !== undefined) spec.height = options.height;
  const params: ChartSelectionParam[] = modes.map((mode) => ({ name: mode, type: mode }));
  return { method, spec, chartFrame, options, theme: "streamlit", params, fields };
}

function selectionModes(method: string, requested: unknown): ("point" | "interval")[] {
  const list = requested === undefined ? ["point", "interval"] : [requested].flat();
  if (list.length === 0)
    throw new EdgelitApiError(
      `${method}: selectionMode names no mode; give "point" or "interval".`,
    );
  const modes: ("point" | "interval")[] = [];
  for (const mode of list) {
    if (mode !== "point" && mode !== "interval")
      throw new EdgelitApiError(
        `${method}: selectionMode ${JSON.stringify(mode)} is not "point" or "interval".`,
      );
    if (!modes.includes(mode)) modes.push(mode);
  }
  return modes;
}

/** Line, area, bar and scatter charts built from the data's columns, as Streamlit's. */
export const simpleChartMethods = {
  /**
   * A line chart of tabular data (as `st.dataframe` takes): wide (one line per
   * `y` column) or long (`color` names the column that splits the lines).
   * @example st.lineChart(rows, { x: "day", y: ["low", "high"] });
   */
  lineChart: simpleChart("line", "st.lineChart"),
  /**
   * An area chart, as `lineChart` (several series stack, see `stack`).
   * @example st.areaChart(rows, { x: "day", y: "visits", color: "site" });
   */
  areaChart: simpleChart("area", "st.areaChart"),
  /**
   * A bar chart, as `lineChart`; `horizontal` lays the bars sideways, `stack`
   * groups or stacks the series.
   * @example st.barChart(rows, { x: "city", y: "people", horizontal: true });
   */
  barChart: simpleChart("bar", "st.barChart"),
  /**
   * A scatter chart, as `lineChart`; `size` sizes the points by a column or a number.
   * @example st.scatterChart(rows, { x: "height", y: "weight", color: "species", size: "age" });
   */
  scatterChart: simpleChart("scatter", "st.scatterChart"),
};
