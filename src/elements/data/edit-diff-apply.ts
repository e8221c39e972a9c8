import { makeBuilder, Table, type DataType, type Vector } from "apache-arrow";
import type { EditCell, EditDiff, EditRules } from "../../protocol/index.ts";
import { stableJson } from "../../runner/widget-rules.ts";
import { isEmptyEditDiff } from "./edit-diff.ts";

/** A column the edits apply to: its name, its rules and whether it holds 64-bit integers. */
export interface EditedColumn {
  name: string;
  rules: EditRules;
  bigint: boolean;
}

interface Remembered {
  diff: string;
  edited: unknown;
}

// The same data and the same diff (every rerun after an edit) give the same edited object:
// it is built once, and `st.dataframe` of it is not encoded again.
const editedCopies = new WeakMap<object, Remembered>();

/**
 * The data with the diff applied, in the form it was given: records give
 * records (edited rows as new objects), an object of columns gives columns,
 * an Arrow Table (or a `toArrow()` object) gives a Table of the same schema.
 * Deleted rows go, added rows come last. No edits: the data itself.
 * @example applyEditDiff(rows, () => table, columns, { editedRows: { "0": { done: true } }, addedRows: [], deletedRows: [] })
 */
export function applyEditDiff(
  data: unknown,
  tableOf: () => Table,
  columns: EditedColumn[],
  diff: EditDiff,
): unknown {
  if (isEmptyEditDiff(diff)) return data;
  const key = data as object;
  const json = stableJson(diff);
  const known = editedCopies.get(key);
  if (known && known.diff === json) return known.edited;
  const edited = Array.isArray(data)
    ? editedRecords(data as Record<string, unknown>[], columns, diff)
    : !isPlainObject(data)
      ? editedTable(tableOf(), columns, diff)
      : editedColumns(data as Record<string, ArrayLike<unknown>>, columns, diff);
  editedCopies.set(key, { diff: json, edited });
  return edited;
}

/**
 * A cell of the diff as the app's data holds it: dates as `Date`, 64-bit
 * integers as `BigInt`, the rest as sent.
 * @example toDataValue("2024-05-01", { name: "day", rules: { kind: "date" }, bigint: false }) // Date
 */
export function toDataValue(value: EditCell | undefined, column: EditedColumn): unknown {
  if (value === null || value === undefined) return null;
  switch (column.rules.kind) {
    case "date":
      return new Date(`${value as string}T00:00:00Z`);
    case "time":
      return new Date(`1970-01-01T${value as string}Z`);
    case "datetime":
      return new Date(value as string);
    case "integer":
      return column.bigint ? BigInt(value as number) : value;
    default:
      return value;
  }
}

// --- Internal helpers ---

function addedValue(row: Record<string, EditCell>, column: EditedColumn): unknown {
  return toDataValue(
    Object.hasOwn(row, column.name) ? row[column.name] : column.rules.default,
    column,
  );
}

function editedRecords(
  records: Record<string, unknown>[],
  columns: EditedColumn[],
  diff: EditDiff,
): Record<string, unknown>[] {
  const byName = new Map(columns.map((column) => [column.name, column]));
  const deleted = new Set(diff.deletedRows);
  const result: Record<string, unknown>[] = [];
  for (let row = 0; row < records.length; row++) {
    if (deleted.has(row)) continue;
    const edits = diff.editedRows[row];
    if (!edits) {
      result.push(records[row]!);
      continue;
    }
    const record = Object.assign({}, records[row]);
    for (const [name, value] of Object.entries(edits))
      record[name] = toDataValue(value, byName.get(name)!);
    result.push(record);
  }
  for (const added of diff.addedRows) {
    const record: Record<string, unknown> = {};
    for (const column of columns) record[column.name] = addedValue(added, column);
    result.push(record);
  }
  return result;
}

function editedColumns(
  data: Record<string, ArrayLike<unknown>>,
  columns: EditedColumn[],
  diff: EditDiff,
): Record<string, ArrayLike<unknown>> {
  const deleted = new Set(diff.deletedRows);
  const edited = Object.entries(diff.editedRows);
  const result: Record<string, ArrayLike<unknown>> = {};
  for (const column of columns) {
    const given = data[column.name]!;
    const values = Array.from(given);
    for (const [row, cells] of edited)
      if (Object.hasOwn(cells, column.name))
        values[Number(row)] = toDataValue(cells[column.name]!, column);
    const kept = deleted.size === 0 ? values : values.filter((_, row) => !deleted.has(row));
    for (const added of diff.addedRows) kept.push(addedValue(added, column));
    result[column.name] = sameKindOfArray(given, kept);
  }
  return result;
}

/** A typed array stays one of its kind while every value fits it (no empty cell). */
function sameKindOfArray(given: ArrayLike<unknown>, values: unknown[]): ArrayLike<unknown> {
  if (!ArrayBuffer.isView(given) || values.some((value) => value === null)) return values;
  const TypedArray = given.constructor as new (values: unknown[]) => ArrayLike<unknown>;
  return new TypedArray(values);
}

function editedTable(table: Table, columns: EditedColumn[], diff: EditDiff): Table {
  const deleted = new Set(diff.deletedRows);
  const vectors: Record<string, Vector> = {};
  for (const field of table.schema.fields) {
    const column = columns.find((known) => known.name === field.name);
    const source = table.getChild(field.name)!;
    const builder = makeBuilder({ type: field.type as DataType });
    let at = 0;
    const put = (value: unknown) => {
      if (builder.setValid(at, value !== null && value !== undefined)) builder.setValue(at, value);
      at++;
    };
    for (let row = 0; row < table.numRows; row++) {
      if (deleted.has(row)) continue;
      const edits = diff.editedRows[row];
      put(
        column && edits && Object.hasOwn(edits, field.name)
          ? toDataValue(edits[field.name]!, column)
          : source.get(row),
      );
    }
    for (const added of diff.addedRows) put(column ? addedValue(added, column) : null);
    vectors[field.name] = builder.finish().toVector() as Vector;
  }
  return new Table(vectors);
}

function isPlainObject(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
