import { expect, test } from "vitest";
import { tableFromIPC, type Table } from "apache-arrow";
import { BATCH_ROWS, encodeFrame } from "../../../../src/elements/data/frame-blobs.ts";
import { toArrowTable } from "../../../../src/elements/data/to-arrow.ts";

// Records and columns are encoded a batch at a time (a large frame never exists as whole Arrow
// columns); each stored batch holds what the whole table's rows hold, with the same schema.

const ROWS = BATCH_ROWS + 1234;
const columns = {
  id: Float64Array.from({ length: ROWS }, (_, row) => row),
  flag: Uint8ClampedArray.from({ length: ROWS }, (_, row) => row % 2),
  name: Array.from({ length: ROWS }, (_, row) => (row % 7 === 0 ? null : `row ${row}`)),
  // Empty cells only in the first batch: the column is still text in every batch.
  late: Array.from({ length: ROWS }, (_, row) => (row < BATCH_ROWS ? undefined : `late ${row}`)),
  day: Array.from({ length: ROWS }, (_, row) =>
    row === 3 ? new Date(Number.NaN) : new Date(Date.UTC(2024, 0, 1) + row * 60_000),
  ),
  big: Array.from({ length: ROWS }, (_, row) => BigInt(row) * 1_000_000_007n),
  spark: Array.from({ length: ROWS }, (_, row) => (row % 5 === 0 ? null : [row, row + 1])),
  none: Array.from({ length: ROWS }, () => null),
};

test("columns are encoded batch by batch into the rows and types of the whole table", () => {
  const frame = encodeFrame(columns, "test");
  const whole = toArrowTable(columns, "test");
  expect(frame.rowCount).toBe(ROWS);
  expect(frame.columns.map((column) => [column.name, column.type])).toEqual([
    ["id", "number"],
    ["flag", "number"],
    ["name", "string"],
    ["late", "string"],
    ["day", "date"],
    ["big", "integer"],
    ["spark", "List<Float64>"],
    ["none", "null"],
  ]);
  expect(frame.batches).toHaveLength(2);
  expect(contents(tableFromIPC(frame.batches[0]!))).toEqual(contents(whole.slice(0, BATCH_ROWS)));
  expect(contents(tableFromIPC(frame.batches[1]!))).toEqual(contents(whole.slice(BATCH_ROWS)));
});

test("records are encoded batch by batch, and a bad cell past the first batch still names its row", () => {
  const records = Array.from({ length: ROWS }, (_, row) => ({ n: row, label: `r${row}` }));
  const frame = encodeFrame(records, "test");
  expect(frame.batches).toHaveLength(2);
  expect(contents(tableFromIPC(frame.batches[1]!))).toEqual(
    contents(toArrowTable(records, "test").slice(BATCH_ROWS)),
  );
  const bad = records.map((record, row) => (row === ROWS - 1 ? { n: "x", label: "" } : record));
  expect(() => encodeFrame(bad, "st.dataframe")).toThrow(
    `st.dataframe: column "n" mixes number values (row 0) and string values (row ${ROWS - 1}); a column holds one type of value.`,
  );
});

// --- Internal helpers ---

/** A table's schema and rows as text, compared quickly when equal. */
function contents(table: Table): string[] {
  const schema = table.schema.fields.map((field) => `${field.name}: ${String(field.type)}`);
  const rows = Array.from({ length: table.numRows }, (_, row) =>
    JSON.stringify(table.get(row)?.toArray(), (_, value: unknown) =>
      typeof value === "bigint" ? `${value}n` : value,
    ),
  );
  return [...schema, ...rows];
}
