import type { PlotlyChartProps, PlotlySelectionMode, PlotlyState } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { drawElement, drawElementLater, type ElementHandle } from "../core/handle.ts";
import { registerWidget } from "../core/widget-kind.ts";
import { storeChartColumns } from "./chart-columns.ts";
import { liftedLength, liftTraceArrays, type TraceColumns } from "./plotly-data.ts";
import { chartSize, chartTheme, toChartObject, type ChartSizeOptions } from "./plotly-json.ts";
import {
  emptyPlotlySelection,
  plotlyChartKind,
  plotlySelectionModes,
  traceLengths,
} from "./plotly-selection.ts";

/** Options of `plotlyChart`. */
export interface PlotlyChartOptions extends ChartSizeOptions {
  /** "streamlit" (the default) follows the page's light or dark theme; null keeps Plotly's own look. */
  theme?: "streamlit" | null;
  /**
   * Lets the user select points (a click, a box or a lasso): "rerun" reruns
   * the app on each selection, a function is called first; either way
   * `plotlyChart` then returns the selection. "ignore" (the default) does not.
   */
  onSelect?: "ignore" | "rerun" | (() => unknown);
  /** How the user selects: "points", "box", "lasso", or a list of them (default: all three). */
  selectionMode?: PlotlySelectionMode | PlotlySelectionMode[];
  /** Names the chart: keeps its selection when the figure changes, and exposes it as `st.session[key]`. */
  key?: string;
}

/** `plotlyChart`'s options when the user may select. */
export type SelectablePlotlyChartOptions = PlotlyChartOptions & {
  onSelect: "rerun" | (() => unknown);
};

/** `st.plotlyChart`'s two forms: a selectable chart returns its selection, another its handle. */
export interface PlotlyChartMethod {
  (this: Drawable, figure: object, options: SelectablePlotlyChartOptions): PlotlyState;
  (this: Drawable, figure: object, options?: PlotlyChartOptions): ElementHandle;
}

const METHOD = "st.plotlyChart";

function plotlyChart(
  this: Drawable,
  figure: object,
  options: PlotlyChartOptions = {},
): ElementHandle | PlotlyState {
  const target = this[TARGET];
  // Long arrays leave the figure before it is checked and copied as JSON: they are stored.
  const lifted = liftTraceArrays(figure);
  const props: PlotlyChartProps = {
    figure: toChartObject(lifted.figure, METHOD, "figure"),
    theme: chartTheme(options.theme, METHOD),
    ...chartSize(options, METHOD),
  };
  if (props.figure.data !== undefined && !Array.isArray(props.figure.data))
    throw new EdgelitApiError(`${METHOD}: figure.data must be a list of traces.`);
  if (options.onSelect === undefined || options.onSelect === "ignore")
    return lifted.groups.length === 0
      ? drawElement(target, "plotlyChart", props)
      : drawElementLater(target, "plotlyChart", withColumns(target, props, lifted.groups));
  return selectablePlotlyChart(target, props, options, lifted.groups);
}

/** Plotly figures, drawn in the page by plotly.js (loaded the first time one shows). */
export const plotlyMethods = {
  /**
   * A Plotly figure: `{ data, layout, config }` as JSON (what `fig.to_json()`
   * gives, or plotly.js's own objects). With `onSelect` the user selects points
   * by click, box or lasso, and it returns `{ selection: { points,
   * pointIndices, box, lasso } }`; otherwise a handle of the element.
   * @example st.plotlyChart({ data: [{ type: "bar", x: ["a", "b"], y: [3, 5] }] });
   */
  plotlyChart: plotlyChart as PlotlyChartMethod,
};

// --- Internal helpers ---

function selectablePlotlyChart(
  target: ElementTarget,
  props: PlotlyChartProps,
  options: PlotlyChartOptions,
  groups: TraceColumns[],
): PlotlyState {
  if (options.onSelect !== "rerun" && typeof options.onSelect !== "function")
    throw new EdgelitApiError(
      `${METHOD}: onSelect must be "ignore", "rerun" or a function; got ${String(options.onSelect)}.`,
    );
  const modes = plotlySelectionModes(options.selectionMode);
  const settings = {
    modes,
    traceLengths: traceLengths(props.figure, (trace, name) => liftedLength(groups, trace, name)),
  };
  const registered = registerWidget(target, plotlyChartKind, {
    label: "",
    key: options.key,
    identity: [modes, settings.traceLengths],
    settings,
    defaultValue: emptyPlotlySelection(),
    onChange: typeof options.onSelect === "function" ? options.onSelect : undefined,
  });
  props.id = registered.id;
  props.label = "";
  props.selection = { modes, value: registered.shown as PlotlyState };
  if (groups.length === 0) target.emit("plotlyChart", props);
  else target.emitLater("plotlyChart", withColumns(target, props, groups));
  return registered.value;
}

/** The props once the traces' long arrays are stored (nothing is written for arrays stored before). */
async function withColumns(
  target: ElementTarget,
  props: PlotlyChartProps,
  groups: TraceColumns[],
): Promise<PlotlyChartProps> {
  props.columns = await Promise.all(
    groups.map((group) => storeChartColumns(target.run, group.columns, METHOD, group.trace)),
  );
  return props;
}
