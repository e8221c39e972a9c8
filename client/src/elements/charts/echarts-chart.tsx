import { createEffect, onCleanup, onMount } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import type { EChartsType } from "echarts/core";
import { chartPalette, onPageThemeChange, onResize, readPageTheme } from "./plotly-page-theme.ts";
import "./echarts-chart.css";

type EchartsInstance = EChartsType;

// ECharts loads from here, not with this component: the page's first script then lists one chunk
// to preload for this kind, not the dozen ECharts is split into.
let modules: Promise<typeof import("./echarts-modules.ts")> | undefined;
const loadEcharts = () => (modules ??= import("./echarts-modules.ts"));

/**
 * An ECharts option drawn by ECharts (its own chunk), with the SVG or canvas
 * renderer. It follows the page's theme (ECharts' dark theme on a dark page,
 * the page's font and a transparent background) and its container's width.
 */
export function EchartsChart(props: ElementProps<"echartsChart">) {
  let box!: HTMLDivElement;
  let chart: EchartsInstance | undefined;
  let drawnWith = "";
  let drawing = 0;

  const draw = async () => {
    const { option, renderer, theme } = props.el;
    const asked = ++drawing;
    const { echarts, loadPartsOf } = await loadEcharts();
    await loadPartsOf(option);
    if (asked !== drawing) return; // newer props arrived while the parts loaded
    const page = theme === "streamlit" ? readPageTheme(box) : undefined;
    const look = `${renderer}:${page?.dark ?? "library"}`;
    if (chart && drawnWith !== look) {
      chart.dispose();
      chart = undefined;
    }
    chart ??= echarts.init(box, page?.dark ? "dark" : undefined, { renderer });
    drawnWith = look;
    const themed = page
      ? {
          backgroundColor: "transparent",
          color: chartPalette(page),
          textStyle: { fontFamily: page.font },
          ...option,
        }
      : option;
    chart.setOption(themed, { notMerge: true });
    box.classList.remove("echarts-error");
  };

  const showError = (error: unknown) => {
    chart?.dispose();
    chart = undefined;
    box.textContent = `ECharts could not draw this option: ${String(error)}`;
    box.classList.add("echarts-error");
  };

  onMount(() => {
    createEffect(() => void draw().catch(showError));
    onPageThemeChange(() => void draw().catch(showError));
    onResize(box, () => chart?.resize());
  });
  onCleanup(() => chart?.dispose());

  return (
    <div
      class="echarts-chart"
      ref={box}
      style={{
        height: `${props.el.height ?? 400}px`,
        width: props.el.width === undefined ? "100%" : `${props.el.width}px`,
      }}
    />
  );
}
