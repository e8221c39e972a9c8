import {
  Bool,
  Field,
  Float64,
  List,
  Int64,
  makeBuilder,
  makeVector,
  Null,
  Table,
  TimestampMillisecond,
  Type,
  Utf8,
  type DataType,
  type Dictionary,
  type Vector,
} from "apache-arrow";
import type { DataColumn } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { ownArrowTable } from "../../cache/own-arrow-table.ts";

/**
 * What `st.dataframe`, `st.table` and `st.write` take as tabular data: an array
 * of records, an object of columns (arrays or typed arrays), an Apache Arrow
 * `Table`, or anything with a `toArrow()` method that returns one (an Arquero
 * table, say). Cells are numbers, strings, booleans, `Date`s, `BigInt`s, lists
 * of numbers (arrays or typed arrays, for sparkline columns) or null.
 */
export type TabularData =
  | readonly Record<string, unknown>[]
  | Readonly<Record<string, ArrayLike<unknown>>>
  | Table
  | { toArrow(): Table };

/** The kinds of cell a JavaScript column may hold, and the Arrow type each becomes. */
type CellKind = "number" | "string" | "boolean" | "date" | "bigint" | "number list";
const ARROW_TYPE_OF: Record<CellKind, () => DataType> = {
  number: () => new Float64(),
  string: () => new Utf8(),
  boolean: () => new Bool(),
  date: () => new TimestampMillisecond(),
  bigint: () => new Int64(),
  "number list": () => new List(new Field("item", new Float64(), true)),
};
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** True for values that are tabular data by their shape (what `st.write` draws as a dataframe). */
export function isTabularData(value: unknown): boolean {
  if (value instanceof Table) return true;
  if (value === null || typeof value !== "object") return false;
  if (typeof (value as { toArrow?: unknown }).toArrow === "function") return true;
  if (Array.isArray(value))
    return value.length > 0 && value.every((row) => isPlainObject(row) && !hasNested(row));
  if (!isPlainObject(value)) return false;
  const columns = Object.values(value);
  return columns.length > 0 && columns.every(isColumnArray);
}

/**
 * The data as one Arrow table, or an EdgelitApiError that names the column and
 * the problem (`method` names the call in the message). Public: a `cacheData`
 * function that returns its records or columns through it keeps them as a
 * frame, and it builds tables without code generation, so it runs on Workers.
 * @example const loadCities = cacheData(async () => toArrowTable(await fetchCityRows()));
 */
export function toArrowTable(data: unknown, method = "toArrowTable"): Table {
  if (data instanceof Table) return ownArrowTable(data);
  if (data !== null && typeof data === "object") {
    const toArrow = (data as { toArrow?: unknown }).toArrow;
    if (typeof toArrow === "function") {
      const table: unknown = toArrow.call(data);
      if (table instanceof Table) return ownArrowTable(table);
      throw new EdgelitApiError(`${method}: toArrow() must return an Apache Arrow Table.`);
    }
    if (Array.isArray(data)) return fromRecords(data, method);
    if (isPlainObject(data)) return fromColumns(data, method);
  }
  throw new EdgelitApiError(
    `${method} takes an array of records, an object of columns, an Apache Arrow Table or an ` +
      `object with toArrow(); got ${describe(data)}.`,
  );
}

/** The columns of a table as the page sees them. */
export function describeColumns(table: Table): DataColumn[] {
  return table.schema.fields.map((field) => ({ name: field.name, type: columnType(field.type) }));
}

function columnType(type: DataType): DataColumn["type"] {
  switch (type.typeId) {
    case Type.Float:
      return "number";
    case Type.Int:
      return (type as DataType & { bitWidth: number }).bitWidth === 64 ? "integer" : "number";
    case Type.Utf8:
    case Type.LargeUtf8:
      return "string";
    case Type.Bool:
      return "boolean";
    case Type.Timestamp:
    case Type.Date:
      return "date";
    case Type.Null:
      return "null";
    case Type.Dictionary:
      // Shown as the values it holds: a dictionary of strings is a string column.
      return columnType((type as Dictionary).dictionary);
    default:
      return String(type);
  }
}

function fromRecords(records: unknown[], method: string): Table {
  const names: string[] = [];
  const seen = new Set<string>();
  records.forEach((record, row) => {
    if (!isPlainObject(record))
      throw new EdgelitApiError(
        `${method}: row ${row} is ${describe(record)}; an array of records holds plain objects.`,
      );
    for (const name of Object.keys(record)) {
      if (seen.has(name)) continue;
      seen.add(name);
      names.push(name);
    }
  });
  const vectors: Record<string, Vector> = {};
  for (const name of names) {
    const values = records.map((record) => (record as Record<string, unknown>)[name]);
    vectors[name] = toVector(values, name, method);
  }
  return new Table(vectors);
}

function fromColumns(columns: Record<string, unknown>, method: string): Table {
  const vectors: Record<string, Vector> = {};
  let length: number | undefined;
  let first = "";
  for (const [name, column] of Object.entries(columns)) {
    if (!isColumnArray(column))
      throw new EdgelitApiError(
        `${method}: column "${name}" is ${describe(column)}; each column must be an array or a typed array.`,
      );
    if (length === undefined) [length, first] = [column.length, name];
    else if (column.length !== length)
      throw new EdgelitApiError(
        `${method}: column "${name}" has ${column.length} values but column "${first}" has ${length}; columns must have the same length.`,
      );
    vectors[name] = ArrayBuffer.isView(column)
      ? typedVector(column)
      : toVector(column as unknown[], name, method);
  }
  return new Table(vectors);
}

function typedVector(column: ArrayBufferView): Vector {
  if (column instanceof Uint8ClampedArray) return makeVector(new Uint8Array(column));
  return makeVector(column as Parameters<typeof makeVector>[0] & ArrayBufferView) as Vector;
}

/** One JavaScript column as an Arrow vector of the one type its cells share. */
function toVector(values: unknown[], name: string, method: string): Vector {
  let kind: CellKind | undefined;
  let kindRow = 0;
  const cells: unknown[] = Array.from({ length: values.length });
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    const cellKind = kindOf(value);
    if (cellKind === undefined) {
      if (value !== null && value !== undefined)
        throw new EdgelitApiError(
          `${method}: column "${name}" holds ${describe(value)} at row ${row}; cells must be ` +
            `numbers, strings, booleans, Dates, BigInts, lists of numbers or null.`,
        );
      cells[row] = null;
      continue;
    }
    if (kind === undefined) [kind, kindRow] = [cellKind, row];
    else if (kind !== cellKind)
      throw new EdgelitApiError(
        `${method}: column "${name}" mixes ${kind} values (row ${kindRow}) and ${cellKind} values ` +
          `(row ${row}); a column holds one type of value.`,
      );
    if (cellKind === "bigint" && ((value as bigint) < INT64_MIN || (value as bigint) > INT64_MAX))
      throw new EdgelitApiError(
        `${method}: column "${name}" holds ${String(value)} at row ${row}, beyond a 64-bit integer.`,
      );
    // An invalid Date is no date: an empty cell. A typed array becomes a plain list for the builder.
    cells[row] =
      cellKind === "date" && Number.isNaN((value as Date).getTime())
        ? null
        : cellKind === "number list"
          ? Array.from(value as ArrayLike<number>)
          : value;
  }
  return buildVector(cells, kind === undefined ? new Null() : ARROW_TYPE_OF[kind]());
}

/**
 * Builds a vector as Arrow's `Builder.set` does, but tells nulls by itself:
 * given null values to recognise, Arrow's builders compile a checker with
 * `new Function`, which Workers (and a strict CSP) refuse.
 */
function buildVector(cells: unknown[], type: DataType): Vector {
  const builder = makeBuilder({ type });
  for (let row = 0; row < cells.length; row++) {
    const cell = cells[row];
    if (builder.setValid(row, cell !== null)) builder.setValue(row, cell);
  }
  return builder.finish().toVector() as Vector;
}

function kindOf(value: unknown): CellKind | undefined {
  switch (typeof value) {
    case "number":
    case "string":
    case "boolean":
    case "bigint":
      return typeof value as CellKind;
    default:
      if (value instanceof Date) return "date";
      return isNumberList(value) ? "number list" : undefined;
  }
}

/** A list of numbers (nulls allowed among them): a plain array or a numeric typed array. */
function isNumberList(value: unknown): boolean {
  if (ArrayBuffer.isView(value))
    return (
      !(value instanceof DataView) &&
      !(value instanceof BigInt64Array || value instanceof BigUint64Array)
    );
  return Array.isArray(value) && value.every((item) => item === null || typeof item === "number");
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function isColumnArray(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** A record holding an object or array is a document, not a row: `st.write` shows it as JSON. */
function hasNested(record: Record<string, unknown>): boolean {
  return Object.values(record).some(
    (value) => value !== null && typeof value === "object" && !(value instanceof Date),
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object")
    return `an object (${(value as object).constructor?.name ?? "no prototype"})`;
  return `a ${typeof value} (${String(value).slice(0, 40)})`;
}
