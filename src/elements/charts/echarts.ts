import type { EchartsChartProps } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";
import { chartSize, chartTheme, toChartObject, type ChartSizeOptions } from "./plotly-json.ts";

/** Options of `echartsChart`. */
export interface EchartsChartOptions extends ChartSizeOptions {
  /** "svg" (the default: sharp at any zoom, light on memory) or "canvas" (faster past many thousand marks). */
  renderer?: "svg" | "canvas";
  /** "streamlit" (the default) follows the page's light or dark theme; null keeps ECharts' own look. */
  theme?: "streamlit" | null;
}

const METHOD = "st.echartsChart";

/** ECharts charts, drawn in the page by ECharts (loaded the first time one shows). */
export const echartsMethods = {
  /**
   * An ECharts option object, as ECharts' own examples write it (JSON only:
   * formatter functions cannot travel to the page; use template strings such as "{b}: {c}").
   * @example st.echartsChart({ xAxis: { data: ["Mon", "Tue"] }, yAxis: {}, series: [{ type: "line", data: [3, 5] }] });
   */
  echartsChart(this: Drawable, option: object, options: EchartsChartOptions = {}): ElementHandle {
    const renderer = options.renderer ?? "svg";
    if (renderer !== "svg" && renderer !== "canvas")
      throw new EdgelitApiError(
        `${METHOD}: renderer must be "svg" or "canvas"; got ${String(renderer)}.`,
      );
    const props: EchartsChartProps = {
      option: toChartObject(option, METHOD, "option"),
      renderer,
      theme: chartTheme(options.theme, METHOD),
      ...chartSize(options, METHOD),
    };
    return drawElement(this[TARGET], "echartsChart", props);
  },
};
