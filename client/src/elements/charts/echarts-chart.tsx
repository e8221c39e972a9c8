import { createEffect, onCleanup, onMount } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { echarts } from "./echarts-modules.ts";
import { onPageThemeChange, onResize, readPageTheme } from "./plotly-page-theme.ts";
import "./echarts-chart.css";

type EchartsInstance = ReturnType<typeof echarts.init>;

/**
 * An ECharts option drawn by ECharts (its own chunk), with the SVG or canvas
 * renderer. It follows the page's theme (ECharts' dark theme on a dark page,
 * the page's font and a transparent background) and its container's width.
 */
export function EchartsChart(props: ElementProps<"echartsChart">) {
  let box!: HTMLDivElement;
  let chart: EchartsInstance | undefined;
  let drawnWith = "";

  const draw = () => {
    const { option, renderer, theme } = props.el;
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
          textStyle: { fontFamily: page.font },
          ...option,
        }
      : option;
    try {
      chart.setOption(themed, { notMerge: true });
      box.classList.remove("echarts-error");
    } catch (error) {
      chart.dispose();
      chart = undefined;
      box.textContent = `ECharts could not draw this option: ${String(error)}`;
      box.classList.add("echarts-error");
    }
  };

  onMount(() => {
    createEffect(draw);
    onPageThemeChange(draw);
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
