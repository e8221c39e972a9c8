import type { Table } from "apache-arrow";
import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { drawElement, openElement, type ElementHandle } from "../core/handle.ts";
import {
  TABLE_MAX_ROWS,
  type ElementPath,
  type DataCell,
  type DataColumn,
  type DataframeProps,
  type DataframeSelectionMode,
  type DataframeState,
  type ElementPropsByKind,
} from "../../protocol/index.ts";
import { registerWidget } from "../core/widget-kind.ts";
import { dataframeKind, emptySelection, selectionModes } from "./dataframe-selection.ts";
import { columnConfig, configuredColumns, type ColumnConfigMapping } from "./column-config.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { encodeFrame, storeFrame } from "./frame-blobs.ts";
import { describeColumns, toArrowTable, type TabularData } from "./to-arrow.ts";
import { dataEditorMethods } from "./data-editor.ts";

/** Options of `dataframe`. */
export interface DataframeOptions {
  /** Height in pixels; default: up to ten rows, scrolling past them. */
  height?: number;
  /** Width in pixels, "content" (as wide as its columns) or "stretch" (the container's, the default). */
  width?: number | "content" | "stretch";
  /** Hide the row numbers on the left. */
  hideIndex?: boolean;
  /** The columns to show, in this order (the others are hidden); default: all, as in the data. */
  columnOrder?: string[];
  /** How to show columns, by name: `st.columnConfig`'s helpers, a label, or null to hide one. */
  columnConfig?: ColumnConfigMapping;
  /**
   * Lets the user select rows, columns or cells: "rerun" reruns the app on
   * each change, a function is called first; either way `dataframe` then
   * returns the selection. "ignore" (the default) keeps the grid read-only.
   */
  onSelect?: "ignore" | "rerun" | (() => unknown);
  /** What can be selected (default "multi-row"); several modes as a list. */
  selectionMode?: DataframeSelectionMode | DataframeSelectionMode[];
  /** Names the grid: keeps its selection when the data changes, and exposes it as `st.session[key]`. */
  key?: string;
}

/** `dataframe`'s options when it lets the user select. */
export type SelectableDataframeOptions = DataframeOptions & {
  onSelect: "rerun" | (() => unknown);
};

/** Options of `table`. */
export interface TableOptions {
  /** Hide the row numbers on the left. */
  hideIndex?: boolean;
  /** How to show columns, by name, as `dataframe`'s. */
  columnConfig?: ColumnConfigMapping;
}

/** `st.dataframe`'s two forms: a selectable grid returns its selection, a read-only one its handle. */
export interface DataframeMethod {
  (this: Drawable, data: TabularData, options: SelectableDataframeOptions): DataframeState;
  (this: Drawable, data: TabularData, options?: DataframeOptions): ElementHandle;
}

function dataframe(
  this: Drawable,
  data: TabularData,
  options: DataframeOptions = {},
): ElementHandle | DataframeState {
  const target = this[TARGET];
  if (options.onSelect !== undefined && options.onSelect !== "ignore")
    return selectableDataframe(target, data, options);
  return openElement(target.element(emitDataframe(target, data, options, "st.dataframe")));
}

/** Tables of data: a grid whose rows load as they are scrolled to, and a static table. */
export const dataMethods = {
  /**
   * A grid of tabular data: an array of records, an object of columns, an
   * Apache Arrow Table or anything with `toArrow()`. Its rows are stored as
   * Arrow batches that the page fetches as the user scrolls; a click on a
   * column's sort button sorts the rows loaded. The same data shown again is
   * neither encoded nor sent again. With `onSelect` the user selects rows,
   * columns or cells (`selectionMode`) and it returns `{ selection: { rows,
   * columns, cells } }`; otherwise a handle of the element.
   * @example const { selection } = st.dataframe(rows, { onSelect: "rerun", selectionMode: "multi-row" });
   */
  dataframe: dataframe as DataframeMethod,
  ...dataEditorMethods,
  /**
   * Helpers that configure a column of `dataframe` or `table` (see `columnConfig`'s options).
   * @example st.dataframe(rows, { columnConfig: { url: st.columnConfig.link("Site", { display: "Open" }) } });
   */
  columnConfig,
  /**
   * A static table of small tabular data, every cell shown at once. Past
   * 1,000 rows it shows the first 1,000 and a note: `st.dataframe` shows any number.
   * @example st.table([{ planet: "Mars", moons: 2 }, { planet: "Earth", moons: 1 }])
   */
  table(this: Drawable, data: TabularData, options: TableOptions = {}): ElementHandle {
    const table = toArrowTable(data, "st.table");
    const columns = configuredColumns(describeColumns(table), options.columnConfig, "st.table");
    const props: ElementPropsByKind["table"] = {
      columns,
      rows: tableRows(table, columns, Math.min(table.numRows, TABLE_MAX_ROWS)),
      rowCount: table.numRows,
    };
    if (options.hideIndex) props.hideIndex = true;
    return drawElement(this[TARGET], "table", props);
  },
};

/**
 * Draws a dataframe element (its props wait for its batches to be stored) and
 * returns its path; `st.write` draws tabular data with it too.
 */
export function emitDataframe(
  target: ElementTarget,
  data: unknown,
  options: DataframeOptions,
  method: string,
  widget?: (props: DataframeProps) => void,
): ElementPath {
  const frame = encodeFrame(data, method);
  const props: DataframeProps = {
    columns: configuredColumns(
      orderedColumns(frame.columns, options.columnOrder),
      options.columnConfig,
      method,
      frame.columns,
    ),
    batches: [],
    batchRows: 0,
    rowCount: frame.rowCount,
  };
  widget?.(props);
  if (options.height !== undefined) props.height = checkedPixels(options.height, "height");
  if (options.width !== undefined && options.width !== "stretch")
    props.width = options.width === "content" ? "content" : checkedPixels(options.width, "width");
  if (options.hideIndex) props.hideIndex = true;
  if (frame.batches.length === 0) return target.emit("dataframe", props);
  return target.emitLater(
    "dataframe",
    storeFrame(target.run, frame).then((stored) => {
      props.batches = stored.ids;
      props.batchRows = stored.batchRows;
      if (stored.head) props.head = stored.head;
      return props;
    }),
  );
}

/** A dataframe the user selects in: a widget whose value is the selection, checked against the frame. */
function selectableDataframe(
  target: ElementTarget,
  data: TabularData,
  options: DataframeOptions,
): DataframeState {
  if (options.onSelect !== "rerun" && typeof options.onSelect !== "function")
    throw new EdgelitApiError(
      `st.dataframe: onSelect must be "ignore", "rerun" or a function; got ${String(options.onSelect)}.`,
    );
  const modes = selectionModes(options.selectionMode);
  let state: DataframeState | undefined;
  emitDataframe(target, data, options, "st.dataframe", (props) => {
    const settings = {
      modes,
      rowCount: props.rowCount,
      columns: props.columns.map((column) => column.name),
    };
    const registered = registerWidget(target, dataframeKind, {
      label: "",
      key: options.key,
      identity: [modes, settings.columns],
      settings,
      defaultValue: emptySelection(),
      onChange: typeof options.onSelect === "function" ? options.onSelect : undefined,
    });
    props.id = registered.id;
    props.label = "";
    props.selection = { modes, value: registered.shown };
    state = registered.value;
  });
  return state!;
}

function orderedColumns(columns: DataColumn[], order: string[] | undefined): DataColumn[] {
  if (order === undefined) return columns;
  if (!Array.isArray(order))
    throw new EdgelitApiError("st.dataframe: columnOrder must be an array of column names.");
  return order.map((name) => {
    const column = columns.find((candidate) => candidate.name === name);
    if (!column)
      throw new EdgelitApiError(
        `st.dataframe: columnOrder names "${String(name)}", which is not a column of the data ` +
          `(its columns: ${columns.map((known) => `"${known.name}"`).join(", ")}).`,
      );
    return column;
  });
}

function checkedPixels(value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new EdgelitApiError(
      `st.dataframe: ${option} must be a positive number of pixels; got ${String(value)}.`,
    );
  return Math.round(value);
}

function tableRows(table: Table, shown: DataColumn[], count: number): DataCell[][] {
  const columns = shown.map((column) => table.getChild(column.name)!);
  const rows: DataCell[][] = [];
  for (let row = 0; row < count; row++) rows.push(columns.map((column) => toCell(column.get(row))));
  return rows;
}

/** A list cell of numbers, as Arrow reads it (a Vector of a List<Float64> column, say). */
function isNumberVector(value: unknown): value is { toArray(): ArrayLike<number> } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { toArray?: unknown }).toArray === "function" &&
    /^(Float|Int|Uint)\d*$/.test(String((value as { type?: unknown }).type))
  );
}

/** A cell as JSON can carry it: 64-bit integers and non-finite numbers as text, dates as milliseconds. */
function toCell(value: unknown): DataCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime();
  if (isNumberVector(value))
    return Array.from(value.toArray(), (item) =>
      Number.isFinite(Number(item)) ? Number(item) : null,
    );
  return String(value);
}
