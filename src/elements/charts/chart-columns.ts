import { ARROW_STREAM_TYPE, type StoredChartColumns } from "../../protocol/index.ts";
import type { MediaSink } from "../../media/media-source.ts";
import { encodeFrame } from "../data/frame-blobs.ts";

/** One array of a chart's data, as it leaves the props: where it goes, and its values. */
export interface ChartColumn {
  path: string[];
  values: ArrayLike<unknown>;
}

/**
 * Stores arrays of one length as one Arrow table (its batches sealed media,
 * named by their content): the same arrays shown again are neither encoded
 * nor written again, and the same content under new arrays is the same media.
 * @example props.columns = await storeChartColumns(target.run, [{ path: ["x"], values: xs }], "st.plotlyChart");
 */
export async function storeChartColumns(
  sink: MediaSink,
  columns: ChartColumn[],
  method: string,
  trace?: number,
): Promise<StoredChartColumns> {
  const frame = encodeFrame(columnsObject(columns.map((column) => column.values)), method);
  const batches = await Promise.all(
    frame.batches.map((batch) => sink.storeMedia(batch, ARROW_STREAM_TYPE, true)),
  );
  const stored: StoredChartColumns = { batches, paths: columns.map((column) => column.path) };
  if (trace !== undefined) stored.trace = trace;
  return stored;
}

// --- Internal helpers ---

type Columns = Record<string, ArrayLike<unknown>>;

// The frame's encoding is remembered per columns object (see encodeFrame): the same arrays get
// the same object again, so a rerun that shows unchanged arrays encodes nothing.
const objectsByFirstArray = new WeakMap<
  object,
  { arrays: ArrayLike<unknown>[]; columns: Columns }
>();

function columnsObject(arrays: ArrayLike<unknown>[]): Columns {
  const first = arrays[0] as object;
  const known = objectsByFirstArray.get(first);
  if (
    known &&
    known.arrays.length === arrays.length &&
    known.arrays.every((array, index) => array === arrays[index])
  )
    return known.columns;
  const columns: Columns = {};
  arrays.forEach((array, index) => (columns[`c${index}`] = array));
  objectsByFirstArray.set(first, { arrays, columns });
  return columns;
}
