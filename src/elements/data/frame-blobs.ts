import { Table, tableFromIPC, tableToIPC } from "apache-arrow";
import { ARROW_STREAM_TYPE, type DataColumn } from "../../protocol/index.ts";
import type { MediaSink } from "../../media/media-source.ts";
import { cachedFrameBatches } from "../../cache/cached-frame.ts";
import { describeColumns, toArrowSlices, toArrowTable } from "./to-arrow.ts";
import { withOwnDictionaries } from "../../cache/frame-dictionaries.ts";

/** Rows in each stored batch: the page fetches a table batch by batch as the user scrolls. */
export const BATCH_ROWS = 65_536;
/** Rows of a frame's head: enough for a first screen, even in full screen. */
export const HEAD_ROWS = 1000;
/** A first batch of more bytes than this gets a head, so the first screen does not wait for it. */
const HEAD_MIN_BYTES = 256 * 1024;

/** A frame encoded once: its columns, and its batches as Arrow IPC streams. */
export interface EncodedFrame {
  columns: DataColumn[];
  rowCount: number;
  /** One Arrow IPC stream (schema and one record batch) per BATCH_ROWS rows; never changed. */
  batches: Uint8Array[];
  /** The first HEAD_ROWS rows alone, when the first batch is large (see HEAD_MIN_BYTES). */
  head?: { bytes: Uint8Array; rows: number };
}

/** What the page needs to fetch a stored frame. */
export interface StoredFrame {
  columns: DataColumn[];
  rowCount: number;
  batchRows: number;
  /** Media ids of the batches, in order. */
  ids: string[];
  /** The head's media id and row count, if the frame has one. */
  head?: { id: string; rows: number };
}

interface Remembered {
  fingerprint: string;
  frame: EncodedFrame;
}

// The same data object shown again (every rerun of a script that keeps it, in a module or a
// cache) is not encoded again: its encoding lives as long as the object does.
const encoded = new WeakMap<object, Remembered>();
let encodings = 0;

/** How many frames this process has encoded (tests check that unchanged data is not encoded again). */
export function frameEncodingCount(): number {
  return encodings;
}

/**
 * The data as Arrow batches, encoded once per data object while it stays the
 * same: an in-place change is noticed by a cheap fingerprint (see `fingerprintOf`).
 */
export function encodeFrame(data: unknown, method: string): EncodedFrame {
  const key = data !== null && typeof data === "object" ? data : undefined;
  const fingerprint = key ? fingerprintOf(key) : "";
  const known = key && encoded.get(key);
  if (known && known.fingerprint === fingerprint) return known.frame;
  const cached = key && data instanceof Table ? fromCachedFrame(data) : undefined;
  if (cached) {
    encoded.set(data as object, { fingerprint, frame: cached });
    return cached;
  }
  // Records and columns are encoded a batch at a time: the whole frame never exists as Arrow columns.
  const sliced = toArrowSlices(data, method, BATCH_ROWS);
  const table = sliced ? undefined : toArrowTable(data, method);
  const batches = sliced
    ? Array.from(sliced.slices(), (slice) => tableToIPC(slice, "stream"))
    : encodeBatches(table!);
  const frame: EncodedFrame = {
    columns: sliced ? sliced.columns : describeColumns(table!),
    rowCount: sliced ? sliced.rowCount : table!.numRows,
    batches,
    head: headOf(batches),
  };
  encodings++;
  if (key) encoded.set(key, { fingerprint, frame });
  return frame;
}

/**
 * Stores the frame's batches as media (sealed: a batch shown again is neither
 * hashed nor written again while the session's record says it is stored).
 */
export async function storeFrame(sink: MediaSink, frame: EncodedFrame): Promise<StoredFrame> {
  const [head, ...ids] = await Promise.all(
    [frame.head?.bytes, ...frame.batches].map((batch) =>
      batch ? sink.storeMedia(batch, ARROW_STREAM_TYPE, true) : undefined,
    ),
  );
  const stored: StoredFrame = {
    columns: frame.columns,
    rowCount: frame.rowCount,
    batchRows: BATCH_ROWS,
    ids: ids as string[],
  };
  if (head && frame.head) stored.head = { id: head, rows: frame.head.rows };
  return stored;
}

/** A Table `cacheData` returned, shown from the batches it stored (their ids known: no hashing). */
function fromCachedFrame(table: Table): EncodedFrame | undefined {
  const stored = table.numRows > 0 ? cachedFrameBatches(table) : undefined;
  return (
    stored && {
      columns: describeColumns(table),
      rowCount: table.numRows,
      batches: stored.batches,
      head: headOf(stored.batches),
    }
  );
}

/**
 * The first rows alone, when the first batch is too large to wait for (see
 * HEAD_MIN_BYTES), cut from that batch's own bytes: a Table `cacheData`
 * returned may read its batches lazily, and the stored bytes are what the page sees.
 */
function headOf(batches: Uint8Array[]): EncodedFrame["head"] {
  const first = batches[0];
  if (!first || first.byteLength <= HEAD_MIN_BYTES) return undefined;
  const rows = tableFromIPC(first);
  if (rows.numRows <= HEAD_ROWS) return undefined;
  return { bytes: tableToIPC(rows.slice(0, HEAD_ROWS), "stream"), rows: HEAD_ROWS };
}

function encodeBatches(table: Table): Uint8Array[] {
  const batches: Uint8Array[] = [];
  for (let start = 0; start < table.numRows; start += BATCH_ROWS)
    batches.push(tableToIPC(withOwnDictionaries(table.slice(start, start + BATCH_ROWS)), "stream"));
  return batches;
}

/** Rows sampled for the fingerprint of a large array: spread evenly, the first and last among them. */
const SAMPLED_ROWS = 256;

/**
 * A cheap summary of the data that changes when it is changed in place, in
 * most cases: the length, the column names and the values of up to 256 rows
 * spread over the data (all rows of smaller data). A change to a row it does
 * not sample goes unnoticed: to change large data, make a new object. An Arrow
 * table and a `toArrow()` object are taken as immutable (their row count only).
 */
function fingerprintOf(data: object): string {
  if (data instanceof Table) return `table:${data.numRows}:${data.batches.length}`;
  if (typeof (data as { toArrow?: unknown }).toArrow === "function") return "toArrow";
  if (Array.isArray(data)) {
    const parts: string[] = [`rows:${data.length}`];
    for (const row of sampledRows(data.length)) {
      const record: unknown = data[row];
      if (record === null || typeof record !== "object") parts.push(`${row}:${cell(record)}`);
      else for (const [name, value] of Object.entries(record)) parts.push(`${name}=${cell(value)}`);
    }
    return parts.join("\u0000");
  }
  const parts: string[] = ["columns"];
  for (const [name, column] of Object.entries(data)) {
    const values = column as ArrayLike<unknown> | undefined;
    const length = values && typeof values.length === "number" ? values.length : -1;
    parts.push(`${name}:${length}`);
    for (const row of sampledRows(Math.max(length, 0))) parts.push(cell(values![row]));
  }
  return parts.join("\u0000");
}

function sampledRows(length: number): number[] {
  if (length <= SAMPLED_ROWS) return Array.from({ length }, (_, row) => row);
  const step = (length - 1) / (SAMPLED_ROWS - 1);
  return Array.from({ length: SAMPLED_ROWS }, (_, i) => Math.round(i * step));
}

function cell(value: unknown): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  return `${typeof value}${String(value)}`;
}
