import {
  CHART_COLUMN_MIN_ITEMS,
  type MapProps,
  type MapSelectionMode,
  type MapState,
} from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { drawElement, drawElementLater, type ElementHandle } from "../core/handle.ts";
import { registerWidget } from "../core/widget-kind.ts";
import { toArrowTable, type TabularData } from "../data/to-arrow.ts";
import { storeChartColumns, type ChartColumn } from "./chart-columns.ts";
import { chartSize, type ChartSizeOptions } from "./plotly-json.ts";
import { colorColumn, hasColumn, isCssColor, mapColumns, numberColumn } from "./map-columns.ts";
import { emptyMapSelection, mapKind, mapSelectionMode } from "./map-selection.ts";

/** Options of `map`. */
export interface MapOptions extends ChartSizeOptions {
  /** The latitude column; default the one named lat or latitude (any case). */
  latitude?: string;
  /** The longitude column; default the one named lon, lng or longitude (any case). */
  longitude?: string;
  /** Each point's radius in metres: a number for all, or a column (default 100). */
  size?: number | string;
  /** Each point's colour: a CSS colour for all, or a column of them (default: the theme's primary colour). */
  color?: string;
  /** The zoom level (0: the whole world); default: the map fits its points. */
  zoom?: number;
  /** A MapLibre style URL for this map's base map; default the server's `mapStyle`. */
  mapStyle?: string;
  /** Lets the user select points: "rerun" reruns on each click, a function is called first; `map` then returns the selection. */
  onSelect?: "ignore" | "rerun" | (() => unknown);
  /** One point at a time ("single-object", the default) or several ("multi-object"). */
  selectionMode?: MapSelectionMode;
  /** Names the map: keeps its selection when the data changes, and exposes it as `st.session[key]`. */
  key?: string;
}

/** `map`'s options when the user may select. */
export type SelectableMapOptions = MapOptions & { onSelect: "rerun" | (() => unknown) };

/** `st.map`'s two forms: a selectable map returns its selection, another its handle. */
export interface MapMethod {
  (this: Drawable, data: TabularData, options: SelectableMapOptions): MapState;
  (this: Drawable, data: TabularData, options?: MapOptions): ElementHandle;
}

function map(
  this: Drawable,
  data: TabularData,
  options: MapOptions = {},
): ElementHandle | MapState {
  const target = this[TARGET];
  const props = mapProps(data, options);
  const pointCount = props.latitude.length;
  const columns = liftPoints(props);
  if (options.onSelect === undefined || options.onSelect === "ignore")
    return columns.length === 0
      ? drawElement(target, "map", props)
      : drawElementLater(target, "map", withColumns(target, props, columns));
  return selectableMap(target, props, options, pointCount, columns);
}

/** Points on a map, over a MapLibre base map (loaded the first time a map shows). */
export const mapMethods = {
  /**
   * A point for each row of the data (records, columns, an Arrow table): its
   * latitude and longitude columns are found by name (lat, latitude, lon, lng,
   * longitude, any case) or named in the options. When the base map's tiles
   * cannot be reached, the points still draw on a plain background.
   * @example st.map([{ lat: 52.52, lon: 13.4 }, { lat: 48.86, lon: 2.35 }], { size: 20000 });
   */
  map: map as MapMethod,
};

/** The map's props from its data and options (exported for tests of column detection). */
export function mapProps(data: TabularData, options: MapOptions): MapProps {
  const table = toArrowTable(data, "st.map");
  const columns = mapColumns(table, options);
  const props: MapProps = {
    latitude: numberColumn(table, columns.latitude, "latitude", [-90, 90]),
    longitude: numberColumn(table, columns.longitude, "longitude", [-180, 180]),
    size: 100,
    ...chartSize(options, "st.map"),
  };
  if (typeof options.size === "string") {
    if (!hasColumn(table, options.size))
      throw new EdgelitApiError(
        `st.map: size names "${options.size}", which is not a column of the data.`,
      );
    props.size = numberColumn(table, options.size, "size", [0, 1e7]);
  } else if (options.size !== undefined) {
    if (typeof options.size !== "number" || !(options.size >= 0) || !Number.isFinite(options.size))
      throw new EdgelitApiError(
        `st.map: size must be metres (a number) or a column name; got ${String(options.size)}.`,
      );
    props.size = options.size;
  }
  if (options.color !== undefined) {
    if (typeof options.color === "string" && hasColumn(table, options.color))
      props.color = colorColumn(table, options.color);
    else if (isCssColor(options.color)) props.color = options.color;
    else
      throw new EdgelitApiError(
        `st.map: color must be a CSS colour or a column of the data; got ${JSON.stringify(String(options.color))}.`,
      );
  }
  if (options.zoom !== undefined) {
    if (typeof options.zoom !== "number" || !(options.zoom >= 0 && options.zoom <= 24))
      throw new EdgelitApiError(
        `st.map: zoom must be a number from 0 to 24; got ${String(options.zoom)}.`,
      );
    props.zoom = options.zoom;
  }
  if (options.mapStyle !== undefined) {
    if (typeof options.mapStyle !== "string" || !/^(https?:\/\/|\/)/.test(options.mapStyle))
      throw new EdgelitApiError(
        "st.map: mapStyle must be an http(s) URL or a path on this server.",
      );
    props.mapStyle = options.mapStyle;
  }
  return props;
}

// --- Internal helpers ---

function selectableMap(
  target: ElementTarget,
  props: MapProps,
  options: MapOptions,
  pointCount: number,
  columns: ChartColumn[],
): MapState {
  if (options.onSelect !== "rerun" && typeof options.onSelect !== "function")
    throw new EdgelitApiError(
      `st.map: onSelect must be "ignore", "rerun" or a function; got ${String(options.onSelect)}.`,
    );
  const mode = mapSelectionMode(options.selectionMode);
  const settings = { mode, pointCount };
  const registered = registerWidget(target, mapKind, {
    label: "",
    key: options.key,
    identity: [mode, settings.pointCount],
    settings,
    defaultValue: emptyMapSelection(),
    onChange: typeof options.onSelect === "function" ? options.onSelect : undefined,
  });
  props.id = registered.id;
  props.label = "";
  props.selection = { mode, value: registered.shown as MapState };
  if (columns.length === 0) target.emit("map", props);
  else target.emitLater("map", withColumns(target, props, columns));
  return registered.value;
}

/**
 * Takes many points' arrays out of the props (latitude, longitude, and size
 * and color when they are per point), to be stored as one Arrow table; the
 * props keep empty lists in their place.
 */
function liftPoints(props: MapProps): ChartColumn[] {
  if (props.latitude.length < CHART_COLUMN_MIN_ITEMS) return [];
  const columns: ChartColumn[] = [
    { path: ["latitude"], values: props.latitude },
    { path: ["longitude"], values: props.longitude },
  ];
  props.latitude = [];
  props.longitude = [];
  if (Array.isArray(props.size)) {
    columns.push({ path: ["size"], values: props.size });
    props.size = [];
  }
  if (Array.isArray(props.color)) {
    columns.push({ path: ["color"], values: props.color });
    props.color = [];
  }
  return columns;
}

/** The props once the points are stored (nothing is written for points stored before). */
async function withColumns(
  target: ElementTarget,
  props: MapProps,
  columns: ChartColumn[],
): Promise<MapProps> {
  props.columns = await storeChartColumns(target.run, columns, "st.map");
  return props;
}
