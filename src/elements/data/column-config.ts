import { numberFormatProblem } from "../../protocol/number-format.ts";
import {
  type ColumnDisplay,
  type ColumnDisplayType,
  type DataColumn,
} from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";

/** Options every column configuration takes. */
export interface ColumnOptions {
  /** The header's text (default: the column's name). */
  label?: string;
  /** "small" (75 px), "medium" (200 px), "large" (400 px) or pixels. */
  width?: "small" | "medium" | "large" | number;
  /** A tooltip on the header. */
  help?: string;
  /** Keeps the column at the left while the grid scrolls sideways. */
  pinned?: boolean;
  /** For editable grids: the column cannot be edited. */
  disabled?: boolean;
  /** For editable grids: a cell may not be left empty. */
  required?: boolean;
  /** For editable grids: the value of a new row's cell. */
  default?: unknown;
}

/** A number column: `format` printf-style ("%.2f", "$%,d") or a name ("percent", "compact", ...). */
export interface NumberColumnOptions extends ColumnOptions {
  format?: string;
  min?: number;
  max?: number;
  step?: number;
}
/** A date, time or datetime column: `format` in tokens (YYYY, MM, DD, HH, mm, ss, A, ...). */
export interface DateColumnOptions extends ColumnOptions {
  format?: string;
}
/** A link column: `display` is the text shown in place of the URL. */
export interface LinkColumnOptions extends ColumnOptions {
  display?: string;
}
/** A progress column: a bar from `min` (default 0) to `max` (default 100), `format` as a number's. */
export interface ProgressColumnOptions extends ColumnOptions {
  min?: number;
  max?: number;
  format?: string;
}
/** A sparkline column: the chart's vertical range (default: each cell's own least and greatest). */
export interface ChartColumnOptions extends ColumnOptions {
  yMin?: number;
  yMax?: number;
}
/** A text column: `maxChars` for editable grids. */
export interface TextColumnOptions extends ColumnOptions {
  maxChars?: number;
}

/** A selectbox column (for `dataEditor`): its cells take one of `options`. */
export interface SelectboxColumnOptions extends ColumnOptions {
  options?: string[];
}

/** A column's configuration: what `st.columnConfig`'s helpers return. */
export type ColumnConfig = { type: ColumnDisplayType } & NumberColumnOptions &
  LinkColumnOptions &
  TextColumnOptions &
  SelectboxColumnOptions &
  ChartColumnOptions;

/** `columnConfig`'s value: per column name, a configuration, a label, or null to hide it. */
export type ColumnConfigMapping = Record<string, ColumnConfig | string | null>;

type Maker<Options> = (labelOrOptions?: string | Options, options?: Options) => ColumnConfig;

function maker<Options extends ColumnOptions>(type: ColumnDisplayType): Maker<Options> {
  return (labelOrOptions, options) => {
    const given = typeof labelOrOptions === "object" ? labelOrOptions : (options ?? {});
    const config = Object.assign({ type }, given) as ColumnConfig;
    if (typeof labelOrOptions === "string") config.label = labelOrOptions;
    return config;
  };
}

/**
 * How `st.dataframe` and `st.table` show each column, as Streamlit's
 * `st.column_config`: each helper takes a label and options (or the options
 * alone) and returns a plain configuration.
 * @example st.dataframe(rows, { columnConfig: { price: st.columnConfig.number("Price", { format: "$%.2f" }) } });
 */
export const columnConfig = {
  /** Any column: label, width, help, pinned. */
  column: maker<ColumnOptions>("column"),
  text: maker<TextColumnOptions>("text"),
  /** Numbers, formatted printf-style. */
  number: maker<NumberColumnOptions>("number"),
  /** true/false as a checkbox. */
  checkbox: maker<ColumnOptions>("checkbox"),
  /** Text from a list of `options`: a data editor's cells offer them in a select. */
  selectbox: maker<SelectboxColumnOptions>("selectbox"),
  date: maker<DateColumnOptions>("date"),
  time: maker<DateColumnOptions>("time"),
  datetime: maker<DateColumnOptions>("datetime"),
  /** http(s) URLs as links (opened in a new tab), optionally showing `display`. */
  link: maker<LinkColumnOptions>("link"),
  /** Numbers as a bar between `min` and `max`. */
  progress: maker<ProgressColumnOptions>("progress"),
  list: maker<ColumnOptions>("list"),
  json: maker<ColumnOptions>("json"),
  /**
   * Image URLs (http(s), or `data:image/...`) drawn as small images. The
   * page's Content-Security-Policy allows images from any http(s) URL; a
   * deployment that narrows it adds hosts through `contentSecurityPolicy`.
   */
  image: maker<ColumnOptions>("image"),
  /** Lists of numbers as a small line chart. */
  lineChart: maker<ChartColumnOptions>("lineChart"),
  /** Lists of numbers as small bars. */
  barChart: maker<ChartColumnOptions>("barChart"),
  /** Lists of numbers as a small filled line chart. */
  areaChart: maker<ChartColumnOptions>("areaChart"),
};

const TYPES = Object.keys(columnConfig) as ColumnDisplayType[];
const COMMON = ["type", "label", "width", "help", "pinned", "disabled", "required", "default"];
const OWN: Record<ColumnDisplayType, string[]> = {
  column: [],
  text: ["maxChars"],
  number: ["format", "min", "max", "step"],
  checkbox: [],
  selectbox: ["options"],
  date: ["format"],
  time: ["format"],
  datetime: ["format"],
  link: ["display"],
  progress: ["format", "min", "max"],
  list: [],
  json: [],
  image: [],
  lineChart: ["yMin", "yMax"],
  barChart: ["yMin", "yMax"],
  areaChart: ["yMin", "yMax"],
};
const CHARTS: ColumnDisplayType[] = ["lineChart", "barChart", "areaChart"];

/**
 * The columns as the grid shows them: each with its configuration checked
 * and attached, pinned ones first, hidden ones (null) left out. New column
 * objects: the frame's own are shared with every run that shows it.
 * @example configuredColumns(columns, { price: { type: "number", format: "%.2f" }, id: null }, "st.dataframe")
 */
export function configuredColumns(
  columns: DataColumn[],
  mapping: unknown,
  method: string,
  // Every column of the data: a configuration may name one that columnOrder leaves out.
  known: DataColumn[] = columns,
): DataColumn[] {
  if (mapping === undefined) return columns;
  if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping))
    throw new EdgelitApiError(
      `${method}: columnConfig maps column names to configurations; got ${describeValue(mapping)}.`,
    );
  const entries = mapping as Record<string, unknown>;
  for (const name of Object.keys(entries))
    if (!known.some((column) => column.name === name))
      throw new EdgelitApiError(
        `${method}: columnConfig names "${name}", which is not a column of the data ` +
          `(its columns: ${known.map((column) => `"${column.name}"`).join(", ")}).`,
      );
  const shown: DataColumn[] = [];
  for (const column of columns) {
    if (!Object.hasOwn(entries, column.name)) {
      shown.push(column);
      continue;
    }
    const entry = entries[column.name];
    if (entry === null) continue;
    const where = `${method}: columnConfig "${column.name}"`;
    const display = toDisplay(entry, where);
    checkKindFits(display.type, column, where);
    shown.push({ name: column.name, type: column.type, display });
  }
  // Pinned columns come first, in their order, as in Streamlit.
  return [
    ...shown.filter((column) => column.display?.pinned),
    ...shown.filter((column) => !column.display?.pinned),
  ];
}

// --- Internal helpers ---

function toDisplay(entry: unknown, where: string): ColumnDisplay {
  if (typeof entry === "string") return { type: "column", label: entry };
  if (typeof entry !== "object" || entry === null || Array.isArray(entry))
    throw new EdgelitApiError(
      `${where} must be a configuration from st.columnConfig, a label or null; got ${describeValue(entry)}.`,
    );
  const config = entry as Record<string, unknown>;
  const type = (config.type ?? "column") as ColumnDisplayType;
  if (!TYPES.includes(type))
    throw new EdgelitApiError(
      `${where}: type ${describeValue(config.type)} is not one of ${TYPES.join(", ")}.`,
    );
  const allowed = [...COMMON, ...OWN[type]];
  for (const option of Object.keys(config))
    if (!allowed.includes(option))
      throw new EdgelitApiError(
        `${where}: a ${type} column has no option "${option}" (its options: ${allowed.slice(1).join(", ")}).`,
      );
  const display: ColumnDisplay = { type };
  const text = (option: string) => {
    const value = config[option];
    if (value !== undefined && typeof value !== "string")
      throw new EdgelitApiError(`${where}: ${option} must be text; got ${describeValue(value)}.`);
    return value as string | undefined;
  };
  const number = (option: string) => {
    const value = config[option];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value)))
      throw new EdgelitApiError(
        `${where}: ${option} must be a number; got ${describeValue(value)}.`,
      );
    return value as number | undefined;
  };
  const flag = (option: string) => {
    const value = config[option];
    if (value !== undefined && typeof value !== "boolean")
      throw new EdgelitApiError(
        `${where}: ${option} must be true or false; got ${describeValue(value)}.`,
      );
    return value === true;
  };
  const label = text("label");
  if (label !== undefined) display.label = label;
  const help = text("help");
  if (help !== undefined) display.help = help;
  const width = config.width;
  if (width !== undefined) {
    const named = width === "small" || width === "medium" || width === "large";
    if (!named && (typeof width !== "number" || !Number.isFinite(width) || width <= 0))
      throw new EdgelitApiError(
        `${where}: width must be "small", "medium", "large" or a positive number of pixels; got ${describeValue(width)}.`,
      );
    display.width = named ? width : Math.round(width);
  }
  if (flag("pinned")) display.pinned = true;
  flag("disabled");
  flag("required");
  const format = OWN[type].includes("format") ? text("format") : undefined;
  if (format !== undefined) {
    const problem =
      type === "number" || type === "progress" ? numberFormatProblem(format) : undefined;
    if (problem) throw new EdgelitApiError(`${where}: ${problem}.`);
    display.format = format;
  }
  const shown = OWN[type].includes("display") ? text("display") : undefined;
  if (shown !== undefined) display.display = shown;
  for (const bound of ["min", "max"] as const) {
    const value = OWN[type].includes(bound) ? number(bound) : undefined;
    if (value !== undefined) display[bound] = value;
  }
  if (OWN[type].includes("step")) number("step");
  if (OWN[type].includes("maxChars")) number("maxChars");
  const choices = config.options;
  if (
    type === "selectbox" &&
    choices !== undefined &&
    (!Array.isArray(choices) || !choices.every((choice) => typeof choice === "string"))
  )
    throw new EdgelitApiError(
      `${where}: options must be a list of text; got ${describeValue(choices)}.`,
    );
  if (type === "progress" && (display.min ?? 0) >= (display.max ?? 100))
    throw new EdgelitApiError(`${where}: min must be below max.`);
  for (const bound of ["yMin", "yMax"] as const) {
    const value = OWN[type].includes(bound) ? number(bound) : undefined;
    if (value !== undefined) display[bound] = value;
  }
  if (display.yMin !== undefined && display.yMax !== undefined && display.yMin >= display.yMax)
    throw new EdgelitApiError(`${where}: yMin must be below yMax.`);
  return display;
}

/** Image and sparkline columns need cells they can draw: text URLs, lists of numbers. */
function checkKindFits(type: ColumnDisplayType, column: DataColumn, where: string): void {
  if (column.type === "null") return;
  if (type === "image" && column.type !== "string")
    throw new EdgelitApiError(
      `${where}: an image column holds URLs (text); this column holds ${column.type} values.`,
    );
  if (
    CHARTS.includes(type) &&
    !/^(FixedSize)?List(\[\d+\])?<(Float|Int|Uint)\d*>$/.test(column.type)
  )
    throw new EdgelitApiError(
      `${where}: a ${type} column holds lists of numbers; this column holds ${column.type} values.`,
    );
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "a list";
  return String(value);
}
