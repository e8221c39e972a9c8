import Plotly from "plotly.js-strict-dist-min";
import { createEffect, createMemo, on, onCleanup, onMount } from "solid-js";
import type { PlotlyState, WidgetProps } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { createWidgetValue } from "../inputs/widget-value.ts";
import { loadChartColumns, placeColumns } from "./chart-columns.ts";
import {
  chartPalette,
  onPageThemeChange,
  onResize,
  readPageTheme,
  type PageTheme,
} from "./plotly-page-theme.ts";
import { dragModeFor, toPlotlyState, type PlotlyEventData } from "./plotly-selection-event.ts";
import "./plotly-chart.css";

/** Plotly's default height, for a figure that gives none. */
const PLOTLY_HEIGHT = 450;
const NOTHING: PlotlyState = { selection: { points: [], pointIndices: [], box: [], lasso: [] } };

/**
 * A Plotly figure drawn by plotly.js (this module is a chunk of its own, with
 * plotly.js in it). It follows the page's theme and its container's width;
 * when selectable, a click on points, a box or a lasso is sent as the chart's value.
 */
export function PlotlyChart(props: ElementProps<"plotlyChart">) {
  let box!: HTMLDivElement;
  const state = createWidgetValue(
    () => props.el as WidgetProps,
    () => props.el.selection?.value ?? NOTHING,
  );
  let listening = false;
  // plotly.js clears a selection when it redraws (and says so with plotly_deselect): a redraw of our
  // own is not the user's doing, so nothing is sent while one is under way.
  let drawing = false;
  // What the drawing depends on: a new selection value from the server alone does not redraw.
  const drawn = createMemo(() =>
    JSON.stringify([
      props.el.figure,
      props.el.columns,
      props.el.theme,
      props.el.height,
      props.el.width,
      props.el.selection?.modes,
    ]),
  );

  // Draws that started before the latest one stop once their stored arrays have loaded.
  let generation = 0;
  const draw = async () => {
    const mine = ++generation;
    const figure = props.el.figure;
    const layout = JSON.parse(JSON.stringify(figure.layout ?? {})) as Record<string, unknown>;
    if (props.el.theme === "streamlit") layout.template = themeTemplate(readPageTheme(box));
    if (props.el.height !== undefined) layout.height = props.el.height;
    // Plotly's own default: with autosize and no height it would take the box's (a couple of rem).
    else if (typeof layout.height !== "number") layout.height = PLOTLY_HEIGHT;
    if (props.el.width !== undefined) layout.width = props.el.width;
    else delete layout.width; // follow the container
    layout.autosize = true;
    const selection = props.el.selection;
    if (selection && layout.dragmode === undefined) layout.dragmode = dragModeFor(selection.modes);
    const config = {
      displaylogo: false,
      responsive: false,
      ...(figure.config as object | undefined),
    };
    // plotly.js writes into what it is given: a copy, not the props. It leaves data arrays
    // alone, so the stored ones go in as loaded (and kept) for this page.
    const data = JSON.parse(JSON.stringify(Array.isArray(figure.data) ? figure.data : [])) as
      | Record<string, unknown>[]
      | unknown[];
    for (const stored of props.el.columns ?? []) {
      const columns = await loadChartColumns(stored);
      const trace = data[stored.trace ?? 0];
      if (trace !== null && typeof trace === "object")
        placeColumns(trace as Record<string, unknown>, stored.paths, columns);
    }
    if (mine !== generation) return;
    drawing = true;
    const plot = await Plotly.react(box, data, layout, config).finally(() => (drawing = false));
    if (!listening && selection) {
      listening = true;
      const send = (event?: unknown) => {
        if (props.el.selection && !drawing)
          state.commit(toPlotlyState(event as PlotlyEventData | undefined));
      };
      plot.on("plotly_click", (event) => {
        if (props.el.selection?.modes.includes("points")) send(event);
      });
      plot.on("plotly_selected", (event) => {
        if (event) send(event);
      });
      plot.on("plotly_deselect", () => send(undefined));
    }
  };

  onMount(() => {
    createEffect(on(drawn, () => void draw().catch(showError)));
    onPageThemeChange(() => void draw().catch(showError));
    onResize(box, () => Plotly.Plots.resize(box));
  });
  onCleanup(() => Plotly.purge(box));

  const showError = (error: unknown) => {
    box.textContent = `Plotly could not draw this figure: ${String(error)}`;
    box.classList.add("chart-error");
  };

  return <div class="plotly-chart" ref={box} data-testid="plotly-chart" />;
}

/** Plotly's layout defaults in the page's colours and font; the figure's own layout still wins. */
function themeTemplate(theme: PageTheme): Record<string, unknown> {
  const axis = {
    gridcolor: theme.line,
    linecolor: theme.line,
    zerolinecolor: theme.line,
    tickcolor: theme.line,
  };
  return {
    layout: {
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: theme.text, family: theme.font },
      colorway: chartPalette(theme),
      xaxis: axis,
      yaxis: axis,
      hoverlabel: { font: { family: theme.font } },
      legend: { bgcolor: "rgba(0,0,0,0)" },
    },
  };
}
