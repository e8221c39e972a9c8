import { Map as MapLibreMap, setWorkerUrl, type LngLatBoundsLike } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show } from "solid-js";
import type { MapProps, MapState, WidgetProps } from "../../../../src/protocol/index.ts";
import { readConfig } from "../../runtime/config.ts";
import type { ElementProps } from "../element-props.ts";
import { createWidgetValue } from "../inputs/widget-value.ts";
import { loadChartColumns, placeColumns } from "./chart-columns.ts";
import {
  baseStyleUrl,
  plainStyle,
  POINTS,
  selectionStroke,
  withPoints,
  type StyleJson,
} from "./map-style.ts";
import { onPageThemeChange, onResize, readPageTheme } from "./plotly-page-theme.ts";
import "./map-chart.css";

// MapLibre's worker, served from this origin as an asset (the page's policy allows no other).
setWorkerUrl(workerUrl);

const NOTHING: MapState = { selection: { indices: [] } };

/**
 * Points on a MapLibre map. The points draw at once on a plain background;
 * the base map's style loads behind them, and when it (or its tiles) cannot be
 * reached a notice says so and the points stay. When selectable, a click on a
 * point is sent as the map's value.
 */
export function MapChart(props: ElementProps<"map">) {
  let box!: HTMLDivElement;
  let map: MapLibreMap | undefined;
  const [notice, setNotice] = createSignal<string>();
  const state = createWidgetValue(
    () => props.el as WidgetProps,
    () => props.el.selection?.value ?? NOTHING,
  );
  const selected = () => state.value().selection.indices;
  let styleAsked = "";
  // The props with the stored points put back (many points travel as an Arrow table).
  let shown: MapProps = props.el;
  let generation = 0;

  const draw = () => {
    const theme = readPageTheme(box);
    const plain = plainStyle(shown, theme, selected());
    const url = baseStyleUrl(shown, readConfig().mapStyle, theme.dark);
    if (!map) {
      map = new MapLibreMap({
        container: box,
        style: plain as never,
        attributionControl: { compact: true },
        ...view(),
      });
      map.on("click", POINTS, (event) => select(event.features?.[0]?.properties?.index));
      map.on(
        "mouseenter",
        POINTS,
        () => props.el.selection && (map!.getCanvas().style.cursor = "pointer"),
      );
      map.on("mouseleave", POINTS, () => (map!.getCanvas().style.cursor = ""));
      map.on("error", (event) => {
        const source = (event as { sourceId?: string }).sourceId;
        if (source !== POINTS)
          setNotice(
            "The base map's tiles could not be loaded: the points are drawn on a plain background.",
          );
      });
    } else map.setStyle(plain as never);
    styleAsked = url ?? "";
    if (url) void loadBaseStyle(url, plain);
  };

  const loadBaseStyle = async (url: string, plain: StyleJson) => {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const base = (await response.json()) as StyleJson;
      if (styleAsked !== url || !map) return;
      map.setStyle(withPoints(base, shown, readPageTheme(box), selected()) as never);
      setNotice(undefined);
    } catch (error) {
      if (styleAsked !== url) return;
      map?.setStyle(plain as never);
      setNotice(
        `The base map could not be loaded (${error instanceof Error ? error.message : String(error)}): the points are drawn on a plain background.`,
      );
    }
  };

  const view = (): MapView => {
    const { latitude, longitude, zoom } = shown;
    if (latitude.length === 0) return { center: [0, 20] as [number, number], zoom: zoom ?? 1 };
    if (zoom !== undefined || latitude.length === 1)
      return { center: [mean(longitude), mean(latitude)] as [number, number], zoom: zoom ?? 10 };
    const bounds: LngLatBoundsLike = [
      [Math.min(...longitude), Math.min(...latitude)],
      [Math.max(...longitude), Math.max(...latitude)],
    ];
    return { bounds, fitBoundsOptions: { padding: 40, maxZoom: 12 } };
  };

  const select = (index: unknown) => {
    const selection = props.el.selection;
    if (!selection || typeof index !== "number") return;
    const now = selected();
    const indices =
      selection.mode === "single-object"
        ? now.includes(index)
          ? []
          : [index]
        : now.includes(index)
          ? now.filter((known) => known !== index)
          : [...now, index].sort((a, b) => a - b);
    state.commit({ selection: { indices } });
  };

  onMount(() => {
    // What the drawing depends on: a new selection from the server only restyles the points'
    // rings, and keeps the user's pan and zoom.
    const drawn = createMemo(() => {
      const { latitude, longitude, size, color, zoom, mapStyle, columns } = props.el;
      return JSON.stringify([latitude, longitude, size, color, zoom, mapStyle, columns]);
    });
    const show = (points: MapProps) => {
      shown = points;
      draw();
      if (map) {
        const fit = view();
        if (fit.bounds) map.fitBounds(fit.bounds, { ...fit.fitBoundsOptions, animate: false });
        else map.jumpTo(fit);
      }
    };
    createEffect(
      on(drawn, () => {
        const mine = ++generation;
        const el = props.el;
        const stored = el.columns;
        if (!stored) return show(el);
        loadChartColumns(stored).then(
          (columns) => {
            if (mine !== generation) return;
            const points: MapProps = Object.assign({}, el);
            placeColumns(
              points as unknown as Record<string, unknown>,
              stored.paths,
              columns.map((column) => Array.from(column)),
            );
            show(points);
          },
          (error: unknown) => setNotice(`The map's points could not be loaded: ${String(error)}`),
        );
      }),
    );
    createEffect(() => {
      const indices = selected();
      if (map?.getLayer(POINTS))
        map.setPaintProperty(POINTS, "circle-stroke-width", selectionStroke(indices) as never);
    });
    onPageThemeChange(draw);
    onResize(box, () => map?.resize());
  });
  onCleanup(() => map?.remove());

  return (
    <div
      class="map-chart"
      style={{
        height: `${props.el.height ?? 500}px`,
        width: props.el.width === undefined ? "100%" : `${props.el.width}px`,
      }}
    >
      <div class="map-canvas" ref={box} data-testid="map" />
      <Show when={notice()}>
        <div class="map-notice" role="status">
          {notice()}
        </div>
      </Show>
    </div>
  );
}

/** Where the map looks: a centre and zoom, or the points' bounds. */
interface MapView {
  center?: [number, number];
  zoom?: number;
  bounds?: LngLatBoundsLike;
  fitBoundsOptions?: { padding: number; maxZoom: number };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
