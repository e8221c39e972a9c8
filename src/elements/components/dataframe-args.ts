import { makeVector, Table, tableToIPC, Utf8, vectorFromArray } from "apache-arrow";
import { ARROW_STREAM_TYPE, type ComponentDataframeArg } from "../../protocol/index.ts";
import type { MediaSink } from "../../media/media-source.ts";
import { withOwnDictionaries } from "../../cache/frame-dictionaries.ts";
import { toArrowTable } from "../data/to-arrow.ts";

/** A dataframe argument as the three Arrow IPC streams a frontend's ArrowTable reads. */
export interface EncodedDataframeArg {
  data: Uint8Array;
  index: Uint8Array;
  columns: Uint8Array;
}

/**
 * True for an argument a declared component receives as a dataframe (an
 * ArrowTable in its frontend): an Apache Arrow Table, or an object with
 * `toArrow()`. Records and columns stay JSON unless the app wraps them in
 * `toArrowTable(...)`: a list of plain objects is often just a list.
 */
export function isDataframeArg(value: unknown): boolean {
  return (
    value instanceof Table ||
    (value !== null &&
      typeof value === "object" &&
      typeof (value as { toArrow?: unknown }).toArrow === "function")
  );
}

/**
 * Encodes a dataframe argument: its data, its row index and its column names,
 * each an Arrow IPC stream. Done by the component's own copy of
 * edgelit, whose Arrow made the table (the server's may be another copy).
 */
export function encodeDataframeArg(value: unknown, method: string): EncodedDataframeArg {
  const table = toArrowTable(value, method);
  const names = table.schema.fields.map((field) => field.name);
  // Int32 row positions: plain numbers in a frontend's Arrow (Int64 would be BigInt).
  const index = new Table({
    __index__: makeVector(Int32Array.from({ length: table.numRows }, (_, row) => row)),
  });
  // One level of column names: a column holding one row per data column, as ArrowTable reads it
  // (its header rows are the columns table's columns).
  const columns = new Table({ level0: vectorFromArray(names, new Utf8()) });
  return {
    data: tableToIPC(withOwnDictionaries(table), "stream"),
    index: tableToIPC(index, "stream"),
    columns: tableToIPC(columns, "stream"),
  };
}

/** Stores an encoded dataframe argument as media any replica serves, for the page to fetch. */
export async function storeDataframeArg(
  sink: MediaSink,
  key: string,
  encoded: EncodedDataframeArg,
): Promise<ComponentDataframeArg> {
  const [data, index, columns] = await Promise.all([
    sink.storeMedia(encoded.data, ARROW_STREAM_TYPE),
    sink.storeMedia(encoded.index, ARROW_STREAM_TYPE),
    sink.storeMedia(encoded.columns, ARROW_STREAM_TYPE),
  ]);
  return { key, data, index, columns };
}
