import {
  DataType,
  makeBuilder,
  makeData,
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
  const builder = makeBuilder({ type: type.dictionary });
  let size = 0;
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
        remap[old] = size;
        const value: unknown = dictionary.get(old);
        if (builder.setValid(size, value !== null)) builder.setValue(size, value);
        size++;
      }
      indices[row] = remap[old]!;
    }
    return { length: chunk.length, indices, validity, nullCount };
  });
  const dictionary = builder.finish().toVector() as Vector;
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
