import type { VegaLiteChartState } from "../../protocol/index.ts";
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
import { CHART_DATASET, encodeChartData } from "./vega-datasets.ts";
import { checkEncodedFields, checkedSpec, looksLikeSpec, selectionParams } from "./vega-spec.ts";

/** Options of `vegaLiteChart`. */
export interface VegaLiteChartOptions extends ChartOptions {
  /** "streamlit" (the default) draws in the page's theme, light or dark; null leaves Vega-Lite's own look. */
  theme?: "streamlit" | null;
  /** The selection parameters (by name in the spec's `params`) that report a selection; default: all. */
  selectionMode?: string | string[];
}

/** `vegaLiteChart`'s options when it lets the user select. */
export type SelectableVegaLiteChartOptions = VegaLiteChartOptions & {
  onSelect: "rerun" | (() => unknown);
};

/** `st.vegaLiteChart`'s forms: data beside the spec or in it; a selectable chart returns its selection. */
export interface VegaLiteChartMethod {
  (
    this: Drawable,
    data: TabularData,
    spec: object,
    options: SelectableVegaLiteChartOptions,
  ): VegaLiteChartState;
  (this: Drawable, spec: object, options: SelectableVegaLiteChartOptions): VegaLiteChartState;
  (this: Drawable, data: TabularData, spec: object, options?: VegaLiteChartOptions): ElementHandle;
  (this: Drawable, spec: object, options?: VegaLiteChartOptions): ElementHandle;
}

const METHOD = "st.vegaLiteChart";

function vegaLiteChart(
  this: Drawable,
  first: unknown,
  second?: unknown,
  third?: unknown,
): ElementHandle | VegaLiteChartState {
  // (spec, options) when the first argument reads as a spec and the second does not.
  const specOnly = looksLikeSpec(first) && !looksLikeSpec(second);
  const data = specOnly ? undefined : first;
  const options = ((specOnly ? second : third) ?? {}) as VegaLiteChartOptions;
  const rawSpec = specOnly ? first : second;
  return drawChart(
    this[TARGET],
    () => chartRequest(data, rawSpec, options),
    wantsSelection(options.onSelect),
  );
}

function chartRequest(
  data: unknown,
  rawSpec: unknown,
  options: VegaLiteChartOptions,
): ChartRequest {
  isSelectable(METHOD, options.onSelect);
  const spec = checkedSpec(METHOD, rawSpec);
  const theme = options.theme === undefined ? "streamlit" : options.theme;
  if (theme !== "streamlit" && theme !== null)
    throw new EdgelitApiError(
      `${METHOD}: theme must be "streamlit" or null; got ${String(theme)}.`,
    );
  const request: ChartRequest = {
    method: METHOD,
    spec,
    options,
    theme,
    params: selectionParams(spec),
    selectionMode: options.selectionMode,
  };
  if (data !== undefined && data !== null) {
    request.chartFrame = encodeChartData(data, METHOD);
    checkEncodedFields(METHOD, spec, request.chartFrame.columns);
    spec.data = { name: CHART_DATASET };
  }
  return request;
}

/** Vega-Lite charts: any spec, Altair's exports included. */
export const vegaLiteChartMethods = {
  /**
   * A chart from a Vega-Lite spec, with its data beside it (records, columns,
   * an Arrow table, as `st.dataframe` takes) or inside it (a spec exported by
   * Altair pastes in unchanged). It draws in the page's theme unless `theme`
   * is null. With `onSelect` the spec's selection parameters report what the
   * user selects: it returns `{ selection: { <parameter>: ... } }`.
   * @example st.vegaLiteChart(rows, { mark: "bar", encoding: { x: { field: "city" }, y: { field: "people", type: "quantitative" } } });
   */
  vegaLiteChart: vegaLiteChart as VegaLiteChartMethod,
};
