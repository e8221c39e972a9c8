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
    const plan = planOf(data, method);
    if (plan) return tableOf(plan, 0, plan.rowCount);
  }
  throw new EdgelitApiError(
    `${method} takes an array of records, an object of columns, an Apache Arrow Table or an ` +
      `object with toArrow(); got ${describe(data)}.`,
  );
}

/**
 * Records or columns as Arrow tables of `sliceRows` rows each, checked over
 * every row first and then built one slice at a time, so a large frame never
 * holds whole Arrow columns besides the data given; undefined for data that
 * is already Arrow (a `Table` or a `toArrow()` object).
 * @example toArrowSlices({ n: [1, 2, 3] }, "st.dataframe", 2)?.slices() // tables of 2 and 1 rows
 */
export function toArrowSlices(
  data: unknown,
  method: string,
  sliceRows: number,
): { rowCount: number; columns: DataColumn[]; slices(): Generator<Table> } | undefined {
  const plan = planOf(data, method);
  if (!plan) return undefined;
  return {
    rowCount: plan.rowCount,
    columns: describeColumns(tableOf(plan, 0, 0)),
    *slices() {
      for (let start = 0; start < plan.rowCount; start += sliceRows)
        yield tableOf(plan, start, Math.min(plan.rowCount, start + sliceRows));
    },
  };
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

/** A JavaScript column, checked and typed, read row by row when its batches are built. */
interface ColumnPlan {
  name: string;
  /** A typed array column: its batches are views of it. */
  typed?: ArrayBufferView;
  type: DataType;
  cell(row: number): unknown;
}

/** Records or columns, checked (types, lengths) over every row before any batch is built. */
interface TabularPlan {
  rowCount: number;
  columns: ColumnPlan[];
}

function planOf(data: unknown, method: string): TabularPlan | undefined {
  if (data === null || typeof data !== "object" || data instanceof Table) return undefined;
  if (typeof (data as { toArrow?: unknown }).toArrow === "function") return undefined;
  if (Array.isArray(data)) return recordsPlan(data, method);
  return isPlainObject(data) ? columnsPlan(data, method) : undefined;
}

/** The rows `start` to `end` of planned data, as one table. */
function tableOf(plan: TabularPlan, start: number, end: number): Table {
  const vectors: Record<string, Vector> = {};
  for (const column of plan.columns)
    vectors[column.name] = column.typed
      ? typedVector(column.typed, start, end)
      : buildVector(column, start, end);
  return new Table(vectors);
}

function recordsPlan(records: unknown[], method: string): TabularPlan {
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
  const columns = names.map((name) => {
    const cell = (row: number) => (records[row] as Record<string, unknown>)[name];
    return { name, type: columnTypeOf(cell, records.length, name, method), cell };
  });
  return { rowCount: records.length, columns };
}

function columnsPlan(given: Record<string, unknown>, method: string): TabularPlan {
  const columns: ColumnPlan[] = [];
  let length: number | undefined;
  let first = "";
  for (const [name, column] of Object.entries(given)) {
    if (!isColumnArray(column))
      throw new EdgelitApiError(
        `${method}: column "${name}" is ${describe(column)}; each column must be an array or a typed array.`,
      );
    if (length === undefined) [length, first] = [column.length, name];
    else if (column.length !== length)
      throw new EdgelitApiError(
        `${method}: column "${name}" has ${column.length} values but column "${first}" has ${length}; columns must have the same length.`,
      );
    const cell = (row: number) => (column as ArrayLike<unknown>)[row];
    columns.push(
      ArrayBuffer.isView(column)
        ? { name, typed: column, type: new Null(), cell }
        : { name, type: columnTypeOf(cell, column.length, name, method), cell },
    );
  }
  return { rowCount: length ?? 0, columns };
}

function typedVector(column: ArrayBufferView, start: number, end: number): Vector {
  const rows = (
    column as unknown as { subarray(start: number, end: number): ArrayBufferView }
  ).subarray(start, end);
  if (rows instanceof Uint8ClampedArray) return makeVector(new Uint8Array(rows));
  return makeVector(rows as Parameters<typeof makeVector>[0] & ArrayBufferView) as Vector;
}

/** The Arrow type of a JavaScript column: the one kind its cells share, checked over every row. */
function columnTypeOf(
  cell: (row: number) => unknown,
  length: number,
  name: string,
  method: string,
): DataType {
  let kind: CellKind | undefined;
  let kindRow = 0;
  for (let row = 0; row < length; row++) {
    const value = cell(row);
    const cellKind = kindOf(value);
    if (cellKind === undefined) {
      if (value !== null && value !== undefined)
        throw new EdgelitApiError(
          `${method}: column "${name}" holds ${describe(value)} at row ${row}; cells must be ` +
            `numbers, strings, booleans, Dates, BigInts, lists of numbers or null.`,
        );
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
  }
  return kind === undefined ? new Null() : ARROW_TYPE_OF[kind]();
}

/**
 * Builds a vector of the rows `start` to `end` as Arrow's `Builder.set` does,
 * but tells nulls by itself: given null values to recognise, Arrow's builders
 * compile a checker with `new Function`, which Workers (and a strict CSP) refuse.
 */
function buildVector(column: ColumnPlan, start: number, end: number): Vector {
  const builder = makeBuilder({ type: column.type });
  for (let row = start; row < end; row++) {
    const value = column.cell(row);
    // An invalid Date is no date: an empty cell. A typed array becomes a plain list for the builder.
    const cell =
      value === undefined ||
      value === null ||
      (value instanceof Date && Number.isNaN(value.getTime()))
        ? null
        : column.type.typeId === Type.List
          ? Array.from(value as ArrayLike<number>)
          : value;
    if (builder.setValid(row - start, cell !== null)) builder.setValue(row - start, cell);
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
