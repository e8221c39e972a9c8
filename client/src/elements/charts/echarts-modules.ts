import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  TransformComponent,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

/**
 * ECharts, imported part by part: the series and components most charts use
 * are in this chunk; the others load, each in a small chunk of its own, the
 * first time an option names them (see {@link loadPartsOf}).
 */
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  TransformComponent,
  LabelLayout,
  CanvasRenderer,
  SVGRenderer,
]);

// Each of these modules registers itself with ECharts when it loads.
const SERIES: Record<string, () => Promise<unknown>> = {
  boxplot: () => import("echarts/lib/chart/boxplot"),
  candlestick: () => import("echarts/lib/chart/candlestick"),
  effectScatter: () => import("echarts/lib/chart/effectScatter"),
  funnel: () => import("echarts/lib/chart/funnel"),
  gauge: () => import("echarts/lib/chart/gauge"),
  graph: () => import("echarts/lib/chart/graph"),
  heatmap: () => import("echarts/lib/chart/heatmap"),
  parallel: () => import("echarts/lib/chart/parallel"),
  pictorialBar: () => import("echarts/lib/chart/pictorialBar"),
  radar: () => import("echarts/lib/chart/radar"),
  sankey: () => import("echarts/lib/chart/sankey"),
  sunburst: () => import("echarts/lib/chart/sunburst"),
  themeRiver: () => import("echarts/lib/chart/themeRiver"),
  tree: () => import("echarts/lib/chart/tree"),
  treemap: () => import("echarts/lib/chart/treemap"),
};

/** Components by the option key that asks for them. */
const COMPONENTS: Record<string, () => Promise<unknown>> = {
  angleAxis: () => import("echarts/lib/component/polar"),
  brush: () => import("echarts/lib/component/brush"),
  calendar: () => import("echarts/lib/component/calendar"),
  dataZoom: () => import("echarts/lib/component/dataZoom"),
  graphic: () => import("echarts/lib/component/graphic"),
  parallel: () => import("echarts/lib/component/parallel"),
  polar: () => import("echarts/lib/component/polar"),
  radar: () => import("echarts/lib/component/radar"),
  radiusAxis: () => import("echarts/lib/component/polar"),
  singleAxis: () => import("echarts/lib/component/singleAxis"),
  timeline: () => import("echarts/lib/component/timeline"),
  toolbox: () => import("echarts/lib/component/toolbox"),
  visualMap: () => import("echarts/lib/component/visualMap"),
};

/**
 * Loads the series and components an option uses that this chunk lacks. A
 * series type ECharts has but edgelit does not load (geographic maps, lines,
 * custom series) draws nothing, and ECharts says so in the console.
 */
export async function loadPartsOf(option: Record<string, unknown>): Promise<void> {
  const options = [
    option,
    option.baseOption,
    ...(Array.isArray(option.options) ? option.options : []),
  ];
  const loads: Promise<unknown>[] = [];
  for (const part of options) {
    if (typeof part !== "object" || part === null) continue;
    for (const key of Object.keys(part)) {
      if (Object.hasOwn(COMPONENTS, key)) loads.push(COMPONENTS[key]!());
    }
    const series = (part as { series?: unknown }).series;
    for (const one of [series].flat()) {
      const type =
        typeof one === "object" && one !== null ? (one as { type?: unknown }).type : undefined;
      const load =
        typeof type === "string" && Object.hasOwn(SERIES, type) ? SERIES[type] : undefined;
      if (load) loads.push(load());
    }
  }
  await Promise.all(loads);
}

export { echarts };
