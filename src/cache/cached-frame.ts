import { Table, tableFromIPC, tableToIPC } from "apache-arrow";
import type { Storage } from "unstorage";
import { ARROW_STREAM_TYPE } from "../protocol/index.ts";
import { createMediaStore, type MediaStore } from "../media/media-store.ts";
import { randomId } from "../media/random-id.ts";
import { withOwnDictionaries } from "./frame-dictionaries.ts";

/*
 * Frames under `cacheData`: a cached function that returns an Apache Arrow
 * Table keeps it as Arrow IPC batches in the media store (content-addressed,
 * the very blobs `st.dataframe` serves) and an entry that names them. The
 * Table a call returns is registered with its batches and their ids, so
 * showing it neither encodes nor hashes it again.
 */

/** Rows per stored batch: the same as `st.dataframe`'s, so a cached frame is shown from its own batches. */
export const FRAME_BATCH_ROWS = 65_536;

/** A frame as its cache entry keeps it: the ids of its batches, and what they hold. */
export interface FrameRef {
  /** Changes each time the entry is written: the key of the decoded Table kept in a process. */
  version: string;
  rowCount: number;
  batchRows: number;
  /** Media ids of the batches, in order (one schema-only batch for an empty frame). */
  ids: string[];
  /** The schema, readable in the store: each column's name and Arrow type. */
  fields: { name: string; type: string }[];
}

/** A Table's stored batches: the same bytes, in order, and their media ids. */
export interface FrameBatches {
  batches: Uint8Array[];
  ids: string[];
}

interface FrameState {
  media: WeakMap<Storage, MediaStore>;
  stored: WeakMap<Table, FrameBatches>;
  encodings: number;
}

// On globalThis, like the cache's store (see cache-storage.ts): the app's copy of this module
// registers the Table, the server's copy of `st.dataframe` looks it up.
const STATE_KEY = Symbol.for("edgelit.cachedFrames");
const state = ((globalThis as Record<symbol, unknown>)[STATE_KEY] ??= {
  media: new WeakMap(),
  stored: new WeakMap(),
  encodings: 0,
}) as FrameState;

/** Tells cached frames which media store a server keeps its media in (called by `createServer`). */
export function registerFrameMedia(storage: Storage, media: MediaStore): void {
  state.media.set(storage, media);
}

/** The stored batches of a Table a `cacheData` call returned, if it is one. */
export function cachedFrameBatches(table: object): FrameBatches | undefined {
  return state.stored.get(table as Table);
}

/** How many frames `cacheData` has encoded in this process (tests check hits encode nothing). */
export function cachedFrameEncodingCount(): number {
  return state.encodings;
}

/** Encodes a Table into batches, stores them as media and returns the entry's reference to them. */
export async function storeFrame(storage: Storage, table: Table): Promise<FrameRef> {
  const media = mediaFor(storage);
  const batches: Uint8Array[] = [];
  for (let start = 0; start < table.numRows; start += FRAME_BATCH_ROWS)
    batches.push(
      tableToIPC(withOwnDictionaries(table.slice(start, start + FRAME_BATCH_ROWS)), "stream"),
    );
  if (batches.length === 0) batches.push(tableToIPC(table, "stream"));
  state.encodings++;
  // Sealed: the server's media store remembers their ids, so showing the Table hashes nothing.
  const ids = await Promise.all(
    batches.map((bytes) => media.putMedia(bytes, ARROW_STREAM_TYPE, {}, true)),
  );
  state.stored.set(table, { batches, ids });
  return {
    version: randomId(8),
    rowCount: table.numRows,
    batchRows: FRAME_BATCH_ROWS,
    ids,
    fields: table.schema.fields.map((field) => ({ name: field.name, type: String(field.type) })),
  };
}

/**
 * The Table an entry names, read from the media store and decoded; undefined
 * when a batch is gone (media expire when no session has shown them for a
 * while), so the caller computes it again.
 */
export async function loadFrame(storage: Storage, ref: FrameRef): Promise<Table | undefined> {
  const media = mediaFor(storage);
  const batches = await Promise.all(ref.ids.map(async (id) => (await media.openMedia(id))?.read()));
  if (!batches.every((bytes): bytes is Uint8Array => bytes !== undefined)) return undefined;
  const parts = batches.map((bytes) => tableFromIPC(bytes));
  const table = new Table(
    parts[0]!.schema,
    parts.flatMap((part) => part.batches),
  );
  if (table.numRows !== ref.rowCount) return undefined;
  // Read back from their ids: showing them again needs no hashing.
  batches.forEach((bytes, index) => media.adoptSealed(bytes, ARROW_STREAM_TYPE, ref.ids[index]!));
  state.stored.set(table, { batches, ids: ref.ids });
  return table;
}

/** True for an entry's frame reference. */
export function isFrameRef(value: unknown): value is FrameRef {
  const ref = value as Partial<FrameRef> | null;
  return (
    typeof ref === "object" &&
    ref !== null &&
    typeof ref.version === "string" &&
    typeof ref.rowCount === "number" &&
    Array.isArray(ref.ids) &&
    ref.ids.length > 0 &&
    ref.ids.every((id) => typeof id === "string")
  );
}

function mediaFor(storage: Storage): MediaStore {
  let media = state.media.get(storage);
  if (!media) {
    // A store no server in this process uses (`cacheData(fn, { storage })`, a plain script):
    // its media key is the one kept in the store, as a server without `mediaSecret` uses.
    media = createMediaStore(storage, 3600);
    state.media.set(storage, media);
  }
  return media;
}
