import { createEffect, createMemo, createSignal, on, onCleanup, Show } from "solid-js";
import embed, { type Result } from "vega-embed";
import { expressionInterpreter } from "vega-interpreter";
import type { VegaLiteChartState, WidgetProps } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { createWidgetValue } from "../inputs/widget-value.ts";
import { loadDatasets } from "./vega-datasets.ts";
import { readSelection } from "./vega-selection-reader.ts";
import { pageChartConfig } from "./vega-theme.ts";
import "./vega-chart.css";

/** A selection is sent once the pointer has rested this long (a brush moves on every frame). */
const SEND_AFTER_MS = 150;

/**
 * A Vega-Lite chart drawn by vega-embed, in its own chunk. Expressions run in
 * Vega's interpreter (no code generation: the page's policy forbids eval).
 * It draws again when its spec, data, size or the page's theme change, and
 * sends what the user selects when the app asked for it.
 * @example vegaLiteChart: onDemand(() => import("./elements/charts/vega-chart.tsx").then((module) => module.VegaLiteChart)),
 */
export function VegaLiteChart(props: ElementProps<"vegaLiteChart">) {
  let box!: HTMLDivElement;
  const [error, setError] = createSignal<string>();
  const [width, setWidth] = createSignal(0);
  // The page's chart config as text: a change of the page's attributes redraws only if it changes the look.
  const [pageLook, setPageLook] = createSignal("");
  const selection = props.el.selection
    ? createWidgetValue<VegaLiteChartState>(
        () => props.el as WidgetProps,
        () => props.el.selection!.value,
      )
    : undefined;

  // Draw again only when what it shows changes (a rerun that only moves the selection keeps the chart).
  const drawn = createMemo(() => {
    const el = props.el;
    return JSON.stringify([
      el.spec,
      el.datasets,
      el.theme,
      el.width,
      el.height,
      el.useContainerWidth,
    ]);
  });

  const observer = new ResizeObserver(() => setWidth(Math.floor(box.clientWidth)));
  const readLook = () => setPageLook(JSON.stringify(pageChartConfig(box)));
  const themeWatch = new MutationObserver(readLook);
  themeWatch.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-theme", "style", "class"],
  });
  const scheme = matchMedia("(prefers-color-scheme: dark)");
  scheme.addEventListener("change", readLook);

  let result: Result | undefined;
  let generation = 0;
  // The width the drawn view has, when it follows its container's (0 when it does not).
  let drawnWidth = 0;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => {
    observer.disconnect();
    themeWatch.disconnect();
    scheme.removeEventListener("change", readLook);
    clearTimeout(sendTimer);
    result?.finalize();
  });

  const draw = async () => {
    const mine = ++generation;
    const el = props.el;
    try {
      const spec = JSON.parse(JSON.stringify(el.spec)) as Record<string, unknown>;
      const datasets = await loadDatasets(el.datasets);
      if (mine !== generation) return;
      if (el.datasets.length > 0)
        spec.datasets = Object.assign({}, spec.datasets as object | undefined, datasets);
      const single = "mark" in spec || "layer" in spec;
      if (single && el.height !== undefined) spec.height = el.height;
      const followsWidth = single && el.useContainerWidth;
      if (followsWidth) {
        spec.width = Math.max(width(), 50);
        spec.autosize = { type: "fit-x", contains: "padding" };
      } else if (single && el.width !== undefined) spec.width = el.width;
      const next = await embed(box, spec as never, {
        mode: "vega-lite",
        renderer: "svg",
        actions: false,
        ast: true,
        expr: expressionInterpreter,
        config: el.theme === "streamlit" ? (pageChartConfig(box) as never) : undefined,
        logLevel: 0,
      });
      if (mine !== generation) return next.finalize();
      result?.finalize();
      result = next;
      drawnWidth = followsWidth ? (spec.width as number) : 0;
      setError(undefined);
      listenForSelection(next);
      resize(width());
    } catch (failure) {
      if (mine !== generation) return;
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  const listenForSelection = (drawnChart: Result) => {
    const params = props.el.selection?.params;
    if (!selection || !params) return;
    for (const param of params) {
      try {
        drawnChart.view.addSignalListener(param.name, () => {
          clearTimeout(sendTimer);
          sendTimer = setTimeout(
            () => selection.commit(readSelection(drawnChart.view, params)),
            SEND_AFTER_MS,
          );
        });
      } catch {
        // The compiled view has no signal of that name: it reports nothing.
      }
    }
  };

  /** A new container width resizes the drawn view in place (no new view: a brush stays). */
  const resize = (now: number) => {
    if (!result || drawnWidth === 0 || now === 0 || Math.max(now, 50) === drawnWidth) return;
    drawnWidth = Math.max(now, 50);
    void result.view.width(drawnWidth).runAsync();
  };

  createEffect(() => {
    observer.observe(box);
    setWidth(Math.floor(box.clientWidth));
    readLook();
  });
  // A chart in a hidden tab (no width yet) draws once it shows.
  const visible = createMemo(() => !props.el.useContainerWidth || width() > 0);
  createEffect(
    on([drawn, pageLook, visible], ([, , shown]) => {
      if (shown) void draw();
    }),
  );
  createEffect(on(width, resize, { defer: true }));

  return (
    <div class="vega-chart" data-testid="vega-chart">
      <div ref={box} class="vega-chart-view" />
      <Show when={error()}>
        {(message) => (
          <div class="vega-chart-error" role="alert">
            This chart could not be drawn: {message()}
          </div>
        )}
      </Show>
    </div>
  );
}
