import {
  DataType,
  makeBuilder,
  makeData,
  makeVector,
  RecordBatch,
  Struct,
  Table,
  type Data,
  type Dictionary,
  type Vector,
} from "apache-arrow";

/**
 * A slice of a table whose dictionary columns carry only the values its own
 * rows use. Arrow's `slice` keeps each dictionary whole, so every batch of a
 * frame with a high-cardinality dictionary column would carry every string of
 * the frame; here each batch's bytes scale with its rows instead.
 * @example tableToIPC(withOwnDictionaries(table.slice(0, 65_536)), "stream")
 */
export function withOwnDictionaries(slice: Table): Table {
  const columns = slice.schema.fields.map((field, index) =>
    DataType.isDictionary(field.type) ? compactedChunks(slice, index, field.type) : undefined,
  );
  if (columns.every((chunks) => chunks === undefined)) return slice;
  const batches = slice.batches.map((batch, batchIndex) => {
    const children = batch.data.children.map(
      (child, column) => columns[column]?.[batchIndex] ?? child,
    );
    const data = makeData({
      type: new Struct(slice.schema.fields),
      length: batch.numRows,
      nullCount: 0,
      children,
    });
    return new RecordBatch(slice.schema, data);
  });
  return new Table(slice.schema, batches);
}

// --- Internal helpers ---

/**
 * The column's chunks (one per record batch of the slice), re-indexed into one
 * new dictionary that holds the values they use, in order of first use.
 */
function compactedChunks(slice: Table, column: number, type: Dictionary): Data[] {
  const remaps = new Map<Vector, Int32Array>();
  // The new dictionary's values, as (old dictionary, index) in their new order.
  const picks: [Vector, number][] = [];
  const pending = slice.batches.map((batch) => {
    const chunk = batch.data.children[column] as Data<Dictionary>;
    const dictionary = chunk.dictionary!;
    let remap = remaps.get(dictionary);
    if (!remap) {
      remap = new Int32Array(dictionary.length).fill(-1);
      remaps.set(dictionary, remap);
    }
    const IndexArray = type.indices.ArrayType as new (length: number) => Int32Array;
    const indices = new IndexArray(chunk.length);
    const validity = new Uint8Array(Math.ceil(chunk.length / 8));
    let nullCount = 0;
    // Data.values of a sliced chunk starts at the slice's first row.
    const oldIndices = chunk.values as ArrayLike<number>;
    for (let row = 0; row < chunk.length; row++) {
      if (!chunk.getValid(row)) {
        nullCount++;
        continue;
      }
      validity[row >> 3]! |= 1 << (row & 7);
      const old = Number(oldIndices[row]);
      if (remap[old] === -1) {
        remap[old] = picks.length;
        picks.push([dictionary, old]);
      }
      indices[row] = remap[old]!;
    }
    return { length: chunk.length, indices, validity, nullCount };
  });
  const dictionary = pickedStrings(type.dictionary, picks) ?? pickedValues(type.dictionary, picks);
  return pending.map((chunk) =>
    makeData({
      type,
      length: chunk.length,
      nullCount: chunk.nullCount,
      nullBitmap: chunk.nullCount > 0 ? chunk.validity : null,
      data: chunk.indices as never,
      dictionary,
    }),
  );
}

/** The picked values through Arrow's builder: any value type. */
function pickedValues(type: DataType, picks: [Vector, number][]): Vector {
  const builder = makeBuilder({ type });
  picks.forEach(([dictionary, index], at) => {
    const value: unknown = dictionary.get(index);
    if (builder.setValid(at, value !== null)) builder.setValue(at, value);
  });
  return builder.finish().toVector() as Vector;
}

/**
 * The picked strings copied byte for byte (no decoding and encoding again),
 * when every dictionary is one chunk of UTF-8 without nulls; else undefined.
 */
function pickedStrings(type: DataType, picks: [Vector, number][]): Vector | undefined {
  if (!DataType.isUtf8(type)) return undefined;
  const sources = new Set(picks.map(([dictionary]) => dictionary));
  for (const source of sources)
    if (source.data.length !== 1 || source.data[0]!.nullCount > 0) return undefined;
  const valueOffsets = new Int32Array(picks.length + 1);
  picks.forEach(([dictionary, index], at) => {
    const offsets = dictionary.data[0]!.valueOffsets as Int32Array;
    valueOffsets[at + 1] = valueOffsets[at]! + offsets[index + 1]! - offsets[index]!;
  });
  const bytes = new Uint8Array(valueOffsets[picks.length]!);
  picks.forEach(([dictionary, index], at) => {
    const chunk = dictionary.data[0]!;
    const offsets = chunk.valueOffsets as Int32Array;
    bytes.set(
      (chunk.values as Uint8Array).subarray(offsets[index]!, offsets[index + 1]!),
      valueOffsets[at]!,
    );
  });
  return makeVector(
    makeData({ type, length: picks.length, nullCount: 0, valueOffsets, data: bytes }),
  );
}
