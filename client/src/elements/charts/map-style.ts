import type { MapProps } from "../../../../src/protocol/index.ts";
import type { PageTheme } from "./plotly-page-theme.ts";

/** Carto's base maps: the default, as Streamlit's maps use them (no key needed). */
const CARTO_LIGHT = "https://basemaps.cartocdn.com/gl/positron-gl-style/style.json";
const CARTO_DARK = "https://basemaps.cartocdn.com/gl/dark-matter-gl-style/style.json";

/** The source and layer the points are drawn with, over whatever base map. */
export const POINTS = "edgelit-points";

/** A MapLibre style, as the parts of it the map adds to (loose: styles come from any server). */
export interface StyleJson {
  version: 8;
  sources: Record<string, unknown>;
  layers: Record<string, unknown>[];
  [key: string]: unknown;
}

/** The URL of the base map's style for this map, or undefined for none (a plain background). */
export function baseStyleUrl(
  props: MapProps,
  configured: string | undefined,
  dark: boolean,
): string | undefined {
  const url = props.mapStyle ?? configured;
  if (url === "none") return undefined;
  return url ?? (dark ? CARTO_DARK : CARTO_LIGHT);
}

/** The points as GeoJSON: each feature keeps its row (`index`), radius in metres and colour. */
export function pointFeatures(props: MapProps, fallbackColor: string) {
  return {
    type: "FeatureCollection" as const,
    features: props.latitude.map((latitude, index) => ({
      type: "Feature" as const,
      geometry: { type: "Point" as const, coordinates: [props.longitude[index] ?? 0, latitude] },
      properties: {
        index,
        size: Array.isArray(props.size) ? (props.size[index] ?? 0) : props.size,
        color: Array.isArray(props.color)
          ? (props.color[index] ?? fallbackColor)
          : (props.color ?? fallbackColor),
      },
    })),
  };
}

/** A style of a plain background and the points: what shows at once, and when the base map cannot load. */
export function plainStyle(props: MapProps, theme: PageTheme, selected: number[]): StyleJson {
  return withPoints(
    {
      version: 8,
      sources: {},
      layers: [
        {
          id: "edgelit-background",
          type: "background",
          paint: { "background-color": theme.softBackground },
        },
      ],
    },
    props,
    theme,
    selected,
  );
}

/** A base map's style with the points drawn over it. */
export function withPoints(
  base: StyleJson,
  props: MapProps,
  theme: PageTheme,
  selected: number[],
): StyleJson {
  return {
    ...base,
    sources: {
      ...base.sources,
      [POINTS]: { type: "geojson", data: pointFeatures(props, theme.primary) },
    },
    layers: [
      ...base.layers.filter((layer) => layer.id !== POINTS),
      pointLayer(props, theme, selected),
    ],
  };
}

/** The ring drawn around selected points. */
export function selectionStroke(selected: number[]): unknown {
  return ["case", ["in", ["get", "index"], ["literal", selected]], 3, 0];
}

// --- Internal helpers ---

/** Circles whose radius is the point's size in metres at every zoom (at least 2 pixels). */
function pointLayer(
  props: MapProps,
  theme: PageTheme,
  selected: number[],
): Record<string, unknown> {
  const latitudes = props.latitude;
  const meanLatitude =
    latitudes.reduce((sum, value) => sum + value, 0) / Math.max(1, latitudes.length);
  // Metres per pixel at zoom 0 (512-pixel tiles) at the points' latitude.
  const metresPerPixel = 78271.517 * Math.max(0.01, Math.cos((meanLatitude * Math.PI) / 180));
  const pixels = (zoom: number) => [
    "max",
    2,
    ["/", ["*", ["get", "size"], 2 ** zoom], metresPerPixel],
  ];
  return {
    id: POINTS,
    type: "circle",
    source: POINTS,
    paint: {
      "circle-radius": ["interpolate", ["exponential", 2], ["zoom"], 0, pixels(0), 24, pixels(24)],
      "circle-color": ["get", "color"],
      "circle-opacity": 0.75,
      "circle-stroke-color": theme.text,
      "circle-stroke-width": selectionStroke(selected),
    },
  };
}
