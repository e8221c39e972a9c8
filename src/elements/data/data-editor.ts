import { Table, type DataType } from "apache-arrow";
import { TARGET, type Drawable } from "../core/target.ts";
import { registerWidget } from "../core/widget-kind.ts";
import type { DataColumn, DataEditorProps, EditDiff } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { configuredColumns, type ColumnConfigMapping } from "./column-config.ts";
import { editRulesOf } from "./data-editor-rules.ts";
import { applyEditDiff, type EditedColumn } from "./edit-diff-apply.ts";
import { dataEditorKind, emptyEditDiff, type EditDiffSettings } from "./edit-diff.ts";
import { encodeFrame, storeFrame } from "./frame-blobs.ts";
import { toArrowTable, type TabularData } from "./to-arrow.ts";

const METHOD = "st.dataEditor";

/** Options of `dataEditor`. */
export interface DataEditorOptions {
  /** "fixed" (the default): cells only; "dynamic": the user adds and deletes rows too. */
  numRows?: "fixed" | "dynamic";
  /** true: nothing is editable; a list of column names: those columns are not. */
  disabled?: boolean | string[];
  /** How to show and edit columns, by name: `st.columnConfig`'s helpers (min, max, options, required, default, disabled). */
  columnConfig?: ColumnConfigMapping;
  /** Names the editor: keeps its edits when the data changes, and exposes them as `st.session[key]`. */
  key?: string;
  /** Called, before the rerun, when the user commits an edit. */
  onChange?: () => unknown;
  /** Hide the row numbers on the left. */
  hideIndex?: boolean;
  /** The columns to show, in this order (the others are hidden and kept as they are). */
  columnOrder?: string[];
  /** Height in pixels; default: up to ten rows, scrolling past them. */
  height?: number;
  /** Width in pixels, "content" or "stretch" (the default). */
  width?: number | "content" | "stretch";
}

/** What `dataEditor` returns: records give records, columns give columns, Arrow data gives a Table. */
export type EditedData<Data> = Data extends Table
  ? Table
  : Data extends { toArrow(): Table }
    ? Table
    : Data extends readonly (infer Row)[]
      ? Row[]
      : Data;

/** An editable grid over tabular data, returning the data with the user's edits. */
export const dataEditorMethods = {
  /**
   * An editable grid: the user edits cells (double-click, Enter or typing;
   * Enter or Tab commits, Escape cancels) and, with `numRows: "dynamic"`,
   * adds and deletes rows. It returns the data with the edits applied, in
   * the form given (records, columns, or an Arrow Table for Arrow data). Its
   * widget value, `st.session[key]`, is the edit diff `{ editedRows,
   * addedRows, deletedRows }`; the server checks each diff against the
   * columns' types and configuration and refuses one that does not fit.
   * @example const edited = st.dataEditor(rows, { numRows: "dynamic", key: "todo" });
   */
  dataEditor<Data extends TabularData>(
    this: Drawable,
    data: Data,
    options: DataEditorOptions = {},
  ): EditedData<Data> {
    const target = this[TARGET];
    const numRows = options.numRows ?? "fixed";
    if (numRows !== "fixed" && numRows !== "dynamic")
      throw new EdgelitApiError(
        `${METHOD}: numRows must be "fixed" or "dynamic"; got ${String(numRows)}.`,
      );
    const disabled = options.disabled ?? false;
    if (typeof disabled !== "boolean" && !Array.isArray(disabled))
      throw new EdgelitApiError(
        `${METHOD}: disabled must be true, false or a list of column names.`,
      );
    const frame = encodeFrame(data, METHOD);
    const arrow = arrowTypesOf(data);
    const shown = configuredColumns(
      orderedColumns(frame.columns, options.columnOrder),
      options.columnConfig,
      METHOD,
      frame.columns,
    );
    const configs = (options.columnConfig ?? {}) as Record<string, unknown>;
    // Every column of the data has rules (hidden ones are disabled: the page cannot edit them).
    const edited: EditedColumn[] = frame.columns.map((column) => {
      const display = shown.find((known) => known.name === column.name);
      const rules = editRulesOf(
        display ?? column,
        arrow?.get(column.name),
        configs[column.name],
        disabled,
        METHOD,
      );
      if (!display) rules.disabled = true;
      return { name: column.name, rules, bigint: column.type === "integer" };
    });
    const settings: EditDiffSettings = {
      rowCount: frame.rowCount,
      dynamic: numRows === "dynamic",
      columns: edited.map((column) => ({ name: column.name, rules: column.rules })),
    };
    const registered = registerWidget<EditDiff, EditDiffSettings>(target, dataEditorKind, {
      label: "",
      key: options.key,
      // An unkeyed editor over other data (other columns or rows) is another widget, with no edits.
      identity: [frame.columns.map((column) => column.name), frame.rowCount, numRows],
      settings,
      defaultValue: emptyEditDiff(),
      onChange: options.onChange,
    });
    const props: DataEditorProps = {
      id: registered.id,
      label: "",
      columns: shown,
      rules: shown.map((column) => edited.find((known) => known.name === column.name)!.rules),
      batches: [],
      batchRows: 0,
      rowCount: frame.rowCount,
      value: registered.shown,
    };
    if (settings.dynamic) props.dynamic = true;
    if (options.height !== undefined) props.height = checkedPixels(options.height, "height");
    if (options.width !== undefined && options.width !== "stretch")
      props.width = options.width === "content" ? "content" : checkedPixels(options.width, "width");
    if (options.hideIndex) props.hideIndex = true;
    if (frame.batches.length === 0) target.emit("dataEditor", props);
    else
      target.emitLater(
        "dataEditor",
        storeFrame(target.run, frame).then((stored) => {
          props.batches = stored.ids;
          props.batchRows = stored.batchRows;
          return props;
        }),
      );
    return applyEditDiff(
      data,
      () => toArrowTable(data, METHOD),
      edited,
      registered.value,
    ) as EditedData<Data>;
  },
};

// --- Internal helpers ---

/** The Arrow type of each column when the data is Arrow data (records and columns have none). */
function arrowTypesOf(data: unknown): Map<string, DataType> | undefined {
  const arrowData =
    data instanceof Table ||
    (data !== null &&
      typeof data === "object" &&
      typeof (data as { toArrow?: unknown }).toArrow === "function");
  if (!arrowData) return undefined;
  const table = toArrowTable(data, METHOD);
  return new Map(table.schema.fields.map((field) => [field.name, field.type as DataType]));
}

function orderedColumns(columns: DataColumn[], order: string[] | undefined): DataColumn[] {
  if (order === undefined) return columns;
  if (!Array.isArray(order))
    throw new EdgelitApiError(`${METHOD}: columnOrder must be an array of column names.`);
  return order.map((name) => {
    const column = columns.find((candidate) => candidate.name === name);
    if (!column)
      throw new EdgelitApiError(
        `${METHOD}: columnOrder names "${String(name)}", which is not a column of the data ` +
          `(its columns: ${columns.map((known) => `"${known.name}"`).join(", ")}).`,
      );
    return column;
  });
}

function checkedPixels(value: unknown, option: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new EdgelitApiError(
      `${METHOD}: ${option} must be a positive number of pixels; got ${String(value)}.`,
    );
  return Math.round(value);
}
