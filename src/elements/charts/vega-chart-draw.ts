import type {
  ChartSelectionParam,
  VegaLiteChartProps,
  VegaLiteChartState,
} from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import type { ElementTarget } from "../core/target.ts";
import { drawElement, openElement, type ElementHandle } from "../core/handle.ts";
import { registerWidget } from "../core/widget-kind.ts";
import { chartDataset, type ChartFrame } from "./vega-datasets.ts";
import type { VegaLiteSpec } from "./vega-spec.ts";
import { chosenParams, emptyChartSelection, vegaLiteChartKind } from "./vega-selection.ts";

/** Options every Vega-Lite chart takes (`vegaLiteChart` and the simple charts). */
export interface ChartOptions {
  /** Width in pixels; stops the chart stretching over its container unless `useContainerWidth` says so. */
  width?: number;
  /** Height in pixels (default: Vega-Lite's, or the spec's). */
  height?: number;
  /** Stretch over the container's width and follow its resizes (default: true unless `width` is given). */
  useContainerWidth?: boolean;
  /**
   * Lets the user select in the chart: "rerun" reruns the app on each change,
   * a function is called first; either way the method then returns the
   * selection. "ignore" (the default) keeps the chart read-only.
   */
  onSelect?: "ignore" | "rerun" | (() => unknown);
  /** Names the chart: keeps its selection when the data changes, and exposes it as `st.session[key]`. */
  key?: string;
}

/** What one chart call hands to {@link drawChart}. */
export interface ChartRequest {
  method: string;
  spec: VegaLiteSpec;
  /** The data beside the spec, or undefined when the spec holds its own. */
  chartFrame?: ChartFrame;
  options: ChartOptions;
  theme: "streamlit" | null;
  /** The selection parameters the spec defines. */
  params: ChartSelectionParam[];
  /** The parameters the app chose (`selectionMode`), as given. */
  selectionMode?: unknown;
  /** The fields a selection may name, when known. */
  fields?: string[];
}

/**
 * Draws a chart, or (with `onSelect`) a chart widget whose value is returned.
 * An EdgelitApiError thrown while building it is drawn as an error callout in
 * its place, naming what is wrong; the script goes on.
 * @example drawChart(target, () => chartRequest(data, spec, options), wantsSelection(options.onSelect))
 */
export function drawChart(
  target: ElementTarget,
  build: () => ChartRequest,
  selectable: boolean,
): ElementHandle | VegaLiteChartState {
  try {
    return drawRequest(target, build(), selectable);
  } catch (error) {
    if (!(error instanceof EdgelitApiError)) throw error;
    const handle = drawElement(target, "alert", { level: "error", body: error.message });
    return selectable ? emptyChartSelection([]) : handle;
  }
}

/**
 * Whether `onSelect` asks for a selection (checked later by {@link isSelectable}).
 * @example wantsSelection("rerun") // true
 */
export function wantsSelection(onSelect: unknown): boolean {
  return onSelect !== undefined && onSelect !== "ignore";
}

/**
 * Whether the options ask for a selectable chart (and are one of the allowed values).
 * @example isSelectable("st.lineChart", "ignore") // false
 */
export function isSelectable(method: string, onSelect: unknown): boolean {
  if (onSelect === undefined || onSelect === "ignore") return false;
  if (onSelect === "rerun" || typeof onSelect === "function") return true;
  throw new EdgelitApiError(
    `${method}: onSelect must be "ignore", "rerun" or a function; got ${String(onSelect)}.`,
  );
}

// --- Internal helpers ---

function drawRequest(
  target: ElementTarget,
  request: ChartRequest,
  selectable: boolean,
): ElementHandle | VegaLiteChartState {
  const { method, options } = request;
  const props: VegaLiteChartProps = {
    spec: request.spec,
    datasets: [],
    theme: request.theme,
    useContainerWidth: options.useContainerWidth ?? options.width === undefined,
  };
  if (typeof props.useContainerWidth !== "boolean")
    throw new EdgelitApiError(`${method}: useContainerWidth must be true or false.`);
  if (options.width !== undefined) props.width = checkedPixels(method, options.width, "width");
  if (options.height !== undefined) props.height = checkedPixels(method, options.height, "height");
  let state: VegaLiteChartState | undefined;
  if (selectable) {
    const params = chosenParams(method, request.params, request.selectionMode);
    const settings: { params: ChartSelectionParam[]; fields?: string[] } = { params };
    if (request.fields) settings.fields = request.fields;
    const registered = registerWidget(target, vegaLiteChartKind, {
      label: "",
      key: options.key,
      identity: [params, request.fields ?? null],
      settings,
      defaultValue: emptyChartSelection(params),
      onChange: typeof options.onSelect === "function" ? options.onSelect : undefined,
    });
    props.id = registered.id;
    props.label = "";
    props.selection = { params, value: registered.shown as VegaLiteChartState };
    state = registered.value as VegaLiteChartState;
  }
  const dataset = request.chartFrame && chartDataset(target.run, request.chartFrame);
  let path;
  if (dataset instanceof Promise)
    path = target.emitLater(
      "vegaLiteChart",
      dataset.then((stored) => {
        props.datasets = [stored];
        return props;
      }),
    );
  else {
    if (dataset) props.datasets = [dataset];
    path = target.emit("vegaLiteChart", props);
  }
  return state ?? openElement(target.element(path));
}

function checkedPixels(method: string, value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new EdgelitApiError(
      `${method}: ${option} must be a positive number of pixels; got ${String(value)}.`,
    );
  return Math.round(value);
}
