import type { DataColumn, WidgetProps } from "./elements.ts";

/**
 * A cell value in an edit: text, a number, true/false or null (empty). A date,
 * time or datetime cell is its ISO 8601 text; a 64-bit integer a safe integer.
 */
export type EditCell = string | number | boolean | null;

/**
 * A data editor's widget value, as Streamlit's: the cells edited in rows of
 * the data as given (by row position, then column name), the rows added at
 * the end, and the positions of the rows deleted.
 */
export interface EditDiff {
  editedRows: Record<string, Record<string, EditCell>>;
  addedRows: Record<string, EditCell>[];
  deletedRows: number[];
}

/** The kinds of value a column of a data editor takes, as the page edits them. */
export type EditKind =
  | "text"
  | "number"
  | "integer"
  | "checkbox"
  | "selectbox"
  | "date"
  | "time"
  | "datetime"
  /** A column the editor shows but does not edit (lists, JSON, unknown Arrow types). */
  | "none";

/** How the page edits one column, and what the server will accept in it. */
export interface EditRules {
  kind: EditKind;
  disabled?: boolean;
  required?: boolean;
  min?: number;
  max?: number;
  step?: number;
  maxChars?: number;
  /** A selectbox column's choices. */
  options?: string[];
  /** A new row's value in this column. */
  default?: EditCell;
}

/**
 * An editable grid over a stored frame (the batches as a dataframe's): the
 * page shows the data with `value`'s edits applied, and sends the whole diff
 * as the widget's value on each committed edit. `rules` holds one entry per
 * column of `columns`, in order; `dynamic` lets the user add and delete rows.
 */
export interface DataEditorProps extends WidgetProps {
  columns: DataColumn[];
  rules: EditRules[];
  batches: string[];
  batchRows: number;
  rowCount: number;
  dynamic?: boolean;
  height?: number;
  width?: number | "content";
  hideIndex?: boolean;
  value: EditDiff;
}
