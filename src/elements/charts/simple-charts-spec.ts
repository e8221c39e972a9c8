import type { DataColumn, JsonValue } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import type { VegaLiteSpec } from "./vega-spec.ts";
import { CHART_DATASET } from "./vega-datasets.ts";

/** The simple charts, each a Vega-Lite mark. */
export type SimpleChartType = "line" | "area" | "bar" | "scatter";

/** How a bar or area chart stacks its series (Streamlit's `stack`). */
export type ChartStack = boolean | "normalize" | "center" | "layered";

/** What the simple charts read from their options to build a spec. */
export interface SimpleChartSpecOptions {
  x?: string;
  y?: string | string[];
  color?: string | string[];
  size?: string | number;
  xLabel?: string;
  yLabel?: string;
  stack?: ChartStack;
  horizontal?: boolean;
  selectionMode?: "point" | "interval" | ("point" | "interval")[];
}

/** A built spec and the fields its rows carry (what a selection may name). */
export interface SimpleChartSpec {
  spec: VegaLiteSpec;
  fields: string[];
}

// Names the spec gives to derived fields: suffixed so they never meet a column of the app's.
const SUFFIX = "--p5bJXXpQgvPz6yvQMFiy";
/** The row number, as the x axis when the app names no `x`. */
export const INDEX_FIELD = `index${SUFFIX}`;
/** The values of several `y` columns, folded into one (wide data drawn as long). */
export const VALUE_FIELD = `value${SUFFIX}`;
/** The name of the `y` column each folded value came from. */
export const SERIES_FIELD = `color${SUFFIX}`;

const COLOR_LEGEND = { titlePadding: 5, offset: 5, orient: "bottom" };
const SIZE_LEGEND = { titlePadding: 0.5, offset: 5, orient: "bottom" };
const MARKS: Record<SimpleChartType, string> = {
  line: "line",
  area: "area",
  bar: "bar",
  scatter: "circle",
};
const STACKS: readonly unknown[] = [true, false, "normalize", "center", "layered"];

/**
 * The Vega-Lite spec of a simple chart over data with these columns, built as
 * Streamlit builds it: `x` defaults to the row number; several `y` columns
 * (by default every column but `x`, `color` and `size`) are folded into one
 * series per column, coloured by its name; `color` and `size` name a column or
 * give a value. A column that does not exist, or text on a numeric axis, is
 * an EdgelitApiError naming it.
 * @example simpleChartSpec("st.lineChart", "line", columns, { x: "day", y: ["low", "high"] })
 */
export function simpleChartSpec(
  method: string,
  type: SimpleChartType,
  columns: DataColumn[],
  options: SimpleChartSpecOptions,
): SimpleChartSpec {
  checkOptionKinds(method, type, options);
  const column = (name: string, option: string) => {
    const found = columns.find((candidate) => candidate.name === name);
    if (found) return found;
    throw new EdgelitApiError(
      `${method}: ${option} names column "${name}", which is not a column of the data ` +
        `(its columns: ${columns.map((known) => `"${known.name}"`).join(", ") || "none"}).`,
    );
  };
  const xColumn = options.x === undefined ? undefined : column(options.x, "x");
  const colorColumn = columnOrValue(columns, options.color);
  const sizeColumn = columnOrValue(columns, options.size);
  const yNames =
    options.y === undefined
      ? columns
          .map((known) => known.name)
          .filter((name) => name !== options.x && name !== colorColumn && name !== sizeColumn)
      : [options.y].flat();
  const yColumns = yNames.map((name) => column(String(name), "y"));
  for (const yColumn of yColumns) requireNumeric(method, yColumn, "y");
  if (sizeColumn !== undefined) requireNumeric(method, column(sizeColumn, "size"), "size");

  const transform: JsonValue[] = [];
  const xField = xColumn?.name ?? INDEX_FIELD;
  if (!xColumn)
    transform.push(
      { window: [{ op: "row_number", as: INDEX_FIELD }] },
      { calculate: `datum['${INDEX_FIELD}'] - 1`, as: INDEX_FIELD },
    );
  const folded = yColumns.length > 1;
  if (folded) transform.push({ fold: yNames, as: [SERIES_FIELD, VALUE_FIELD] });
  const yField = folded ? VALUE_FIELD : yColumns[0]?.name;
  const seriesField = folded ? SERIES_FIELD : colorColumn;

  const horizontal = type === "bar" && options.horizontal === true;
  const xType = fieldType(xColumn, type === "bar");
  const yType = "quantitative";
  const xTitle = options.xLabel ?? (options.x === undefined ? "" : xField);
  const yTitle = options.yLabel ?? (options.y === undefined || folded ? "" : (yField ?? ""));
  const xEncoding = axisEncoding(xField, xType, xTitle, xColumn?.type === "integer", horizontal);
  const yEncoding = yField
    ? axisEncoding(yField, yType, yTitle, yColumns[0]?.type === "integer" && !folded, !horizontal)
    : axisEncoding(`DOES_NOT_EXIST${SUFFIX}`, yType, yTitle, false, !horizontal);
  if (options.stack !== undefined)
    yEncoding.stack = options.stack === "layered" ? false : options.stack;

  const encoding: { [channel: string]: JsonValue } = {};
  encoding.x = horizontal ? yEncoding : xEncoding;
  encoding.y = horizontal ? xEncoding : yEncoding;
  if (options.stack === false && seriesField !== undefined && type === "bar")
    encoding[horizontal ? "yOffset" : "xOffset"] = { field: seriesField };
  if (seriesField !== undefined && (type === "area" || options.stack === "layered"))
    encoding.opacity = { value: 0.7 };
  const color = colorEncoding(method, options.color, colorColumn, folded, yColumns.length, columns);
  if (color) encoding.color = color;
  if (type === "scatter")
    encoding.size =
      sizeColumn !== undefined
        ? { field: sizeColumn, type: "quantitative", legend: SIZE_LEGEND }
        : { value: typeof options.size === "number" ? options.size : 100 };
  if (yField) encoding.tooltip = tooltip(xField, yField, folded, color, seriesField, sizeColumn);

  const spec: VegaLiteSpec = { data: { name: CHART_DATASET }, mark: { type: MARKS[type] } };
  if (transform.length > 0) spec.transform = transform;
  spec.encoding = encoding;
  spec.params = params(options.selectionMode, [xField, yField, seriesField]);
  const fields = columns.map((known) => known.name);
  if (!xColumn) fields.push(INDEX_FIELD);
  if (folded) fields.push(VALUE_FIELD, SERIES_FIELD);
  return { spec, fields };
}

// --- Internal helpers ---

function checkOptionKinds(method: string, type: SimpleChartType, options: SimpleChartSpecOptions) {
  const fail = (message: string) => {
    throw new EdgelitApiError(`${method}: ${message}`);
  };
  if (options.x !== undefined && typeof options.x !== "string")
    fail(`x must be a column name; got ${String(options.x)}.`);
  if (options.y !== undefined && typeof options.y !== "string" && !Array.isArray(options.y))
    fail(`y must be a column name or a list of them; got ${String(options.y)}.`);
  if (options.size !== undefined && type !== "scatter")
    fail("size applies to scatter charts only.");
  if (
    options.size !== undefined &&
    typeof options.size !== "string" &&
    !(typeof options.size === "number" && Number.isFinite(options.size) && options.size > 0)
  )
    fail(`size must be a column name or a positive number; got ${String(options.size)}.`);
  if (options.stack !== undefined && type !== "bar" && type !== "area")
    fail("stack applies to bar and area charts only.");
  if (options.stack !== undefined && !STACKS.includes(options.stack))
    fail(
      `stack must be true, false, "normalize", "center" or "layered"; got ${String(options.stack)}.`,
    );
  if (options.horizontal !== undefined && type !== "bar")
    fail("horizontal applies to bar charts only.");
  for (const label of ["xLabel", "yLabel"] as const)
    if (options[label] !== undefined && typeof options[label] !== "string")
      fail(`${label} must be text; got ${String(options[label])}.`);
}

/** The column an option names, or undefined when it gives a value instead. */
function columnOrValue(columns: DataColumn[], option: unknown): string | undefined {
  if (typeof option !== "string") return undefined;
  return columns.some((column) => column.name === option) ? option : undefined;
}

function requireNumeric(method: string, column: DataColumn, option: string): void {
  if (["number", "integer", "null"].includes(column.type)) return;
  throw new EdgelitApiError(
    `${method}: ${option} column "${column.name}" holds ${column.type} values; the ${option} ` +
      `axis of this chart is numeric (name columns of numbers).`,
  );
}

function fieldType(column: DataColumn | undefined, discrete: boolean): string {
  if (!column) return discrete ? "ordinal" : "quantitative";
  if (column.type === "date") return "temporal";
  if (discrete) return "ordinal";
  return column.type === "number" || column.type === "integer" ? "quantitative" : "nominal";
}

function axisEncoding(
  field: string,
  type: string,
  title: string,
  integer: boolean,
  grid: boolean,
): { [key: string]: JsonValue } {
  const axis: { [key: string]: JsonValue } = { grid };
  if (integer) axis.tickMinStep = 1;
  return { field, type, title, axis };
}

const HEX_COLOR = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const FUNCTION_COLOR = /^(rgb|rgba|hsl|hsla)\([^()]*\)$/i;

function isColor(value: unknown): value is string {
  return typeof value === "string" && (HEX_COLOR.test(value) || FUNCTION_COLOR.test(value));
}

function colorEncoding(
  method: string,
  option: unknown,
  colorColumn: string | undefined,
  folded: boolean,
  yCount: number,
  columns: DataColumn[],
): JsonValue | undefined {
  if (colorColumn !== undefined) {
    const column = columns.find((known) => known.name === colorColumn)!;
    const type =
      column.type === "date"
        ? "temporal"
        : /number|integer/.test(column.type)
          ? "quantitative"
          : "nominal";
    return { field: colorColumn, type, legend: COLOR_LEGEND };
  }
  if (option === undefined || (Array.isArray(option) && option.length === 0))
    return folded
      ? { field: SERIES_FIELD, type: "nominal", title: " ", legend: COLOR_LEGEND }
      : undefined;
  const colors = [option].flat();
  const bad = colors.find((color) => !isColor(color));
  if (bad !== undefined)
    throw new EdgelitApiError(
      `${method}: color ${JSON.stringify(bad)} is neither a column of the data nor a colour ` +
        `("#rrggbb", "#rgb", "rgb(...)" or "hsl(...)").`,
    );
  if (colors.length !== Math.max(yCount, 1))
    throw new EdgelitApiError(
      `${method}: color gives ${colors.length} colour(s) for ${yCount} y column(s); give one per column.`,
    );
  if (colors.length === 1) return { value: colors[0] as string };
  return {
    field: SERIES_FIELD,
    type: "nominal",
    title: " ",
    scale: { range: colors as string[] },
    legend: COLOR_LEGEND,
  };
}

function tooltip(
  xField: string,
  yField: string,
  folded: boolean,
  color: JsonValue | undefined,
  seriesField: string | undefined,
  sizeField: string | undefined,
): JsonValue[] {
  const entries: JsonValue[] = [
    xField === INDEX_FIELD ? { field: xField, title: "index" } : { field: xField },
    folded ? { field: yField, title: "value", type: "quantitative" } : { field: yField },
  ];
  const colored =
    color !== undefined && typeof color === "object" && color !== null && "field" in color;
  if (seriesField !== undefined && colored)
    entries.push(
      seriesField === SERIES_FIELD
        ? { field: seriesField, title: "color", type: "nominal" }
        : { field: seriesField },
    );
  if (sizeField !== undefined) entries.push({ field: sizeField });
  return entries;
}

/**
 * The spec's parameters: a point or interval selection as asked (named
 * "point" and "interval"); without an interval, dragging and scrolling pan and
 * zoom the scales, as Streamlit's charts do.
 */
function params(
  mode: SimpleChartSpecOptions["selectionMode"],
  fields: (string | undefined)[],
): JsonValue[] {
  const modes = mode === undefined ? [] : [mode].flat();
  const list: JsonValue[] = [];
  if (modes.includes("point"))
    list.push({
      name: "point",
      select: { type: "point", fields: fields.filter((field) => field !== undefined) },
    });
  if (modes.includes("interval"))
    list.push({ name: "interval", select: { type: "interval", encodings: ["x", "y"] } });
  else
    list.push({
      name: "zoom",
      select: { type: "interval", encodings: ["x", "y"] },
      bind: "scales",
    });
  return list;
}
