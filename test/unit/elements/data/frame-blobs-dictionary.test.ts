import { describe, expect, test } from "vitest";
import {
  Dictionary,
  Int32,
  makeData,
  makeVector,
  Table,
  tableFromArrays,
  tableFromIPC,
  Type,
  Utf8,
  type Vector,
} from "apache-arrow";
import { createStorage } from "unstorage";
import { BATCH_ROWS, encodeFrame } from "../../../../src/elements/data/frame-blobs.ts";
import { loadFrame, storeFrame } from "../../../../src/cache/cached-frame.ts";

describe("dictionary-encoded string columns", () => {
  test("each batch of a 1M-row frame of mostly distinct strings carries only its own rows' strings", () => {
    const rows = 1_000_000;
    const names = Array.from({ length: rows }, (_, row) => `customer-${row.toString(36)}`);
    // A dictionary column of strings, as Arrow-producing libraries often make (tableFromArrays
    // does too): built from its buffers here, which is quicker for a million rows.
    const table = new Table({
      name: dictionaryOf(
        names,
        Int32Array.from(names, (_, row) => row),
      ),
      id: makeVector(Float64Array.from(names, (_, row) => row)),
    });
    expect(table.schema.fields[0]!.type.typeId).toBe(Type.Dictionary);

    const frame = encodeFrame(table, "st.dataframe");
    expect(frame.batches.length).toBe(Math.ceil(rows / BATCH_ROWS));
    const oneBatch = frame.batches[1]!;
    // 65,536 rows of ~14-byte strings, an index and a number: well under 3 MB; the whole
    // dictionary (1M strings) alone is over 14 MB.
    expect(oneBatch.byteLength).toBeLessThan(BATCH_ROWS * 40);
    // The column shows as what it holds: text.
    expect(frame.columns[0]).toEqual({ name: "name", type: "string" });

    const decoded = tableFromIPC(oneBatch);
    expect(decoded.numRows).toBe(BATCH_ROWS);
    expect(decoded.getChild("name")!.get(0)).toBe(names[BATCH_ROWS]);
    expect(decoded.getChild("name")!.get(BATCH_ROWS - 1)).toBe(names[2 * BATCH_ROWS - 1]);
    const last = tableFromIPC(frame.batches.at(-1)!);
    expect(last.getChild("name")!.get(last.numRows - 1)).toBe(names[rows - 1]);
  });

  test("a low-cardinality column keeps its values, nulls included, in every batch", () => {
    const rows = BATCH_ROWS + 10;
    const kinds = ["apple", "pear", null, "plum"];
    const fruit = Array.from({ length: rows }, (_, row) => kinds[row % 4]!);
    const table = tableFromArrays({ fruit: fruit as string[] });
    const frame = encodeFrame(table, "st.dataframe");
    const second = tableFromIPC(frame.batches[1]!);
    const seen = Array.from({ length: second.numRows }, (_, row) =>
      second.getChild("fruit")!.get(row),
    );
    expect(seen).toEqual(fruit.slice(BATCH_ROWS));
    expect(frame.batches[1]!.byteLength).toBeLessThan(2000);
  });

  test("cacheData stores such a frame batch by batch too, and reads it back whole", async () => {
    const rows = 3 * BATCH_ROWS;
    const names = Array.from({ length: rows }, (_, row) => `order-${row}`);
    const table = tableFromArrays({ name: names });
    const storage = createStorage();
    const ref = await storeFrame(storage, table);
    const sizes = await Promise.all(
      ref.ids.map(
        async (id) => ((await storage.getItem(`edgelit:media:${id}`)) as { size: number }).size,
      ),
    );
    // A batch of 65,536 ~11-byte strings and their offsets: under 1.5 MB; the whole dictionary is 2.6 MB.
    for (const size of sizes) expect(size).toBeLessThan(1_500_000);
    const loaded = (await loadFrame(storage, ref))!;
    expect(loaded.numRows).toBe(rows);
    expect(loaded.getChild("name")!.get(rows - 1)).toBe(names[rows - 1]);
    expect(
      loaded
        .slice(BATCH_ROWS - 1, BATCH_ROWS + 1)
        .getChild("name")!
        .toArray(),
    ).toEqual([names[BATCH_ROWS - 1], names[BATCH_ROWS]]);
  });
});

/** A dictionary vector over these strings, its rows the given indices into them. */
function dictionaryOf(strings: string[], indices: Int32Array): Vector {
  const encoded = strings.map((text) => new TextEncoder().encode(text));
  const valueOffsets = new Int32Array(strings.length + 1);
  encoded.forEach((bytes, at) => (valueOffsets[at + 1] = valueOffsets[at]! + bytes.length));
  const data = new Uint8Array(valueOffsets[strings.length]!);
  encoded.forEach((bytes, at) => data.set(bytes, valueOffsets[at]!));
  const values = makeVector(
    makeData({ type: new Utf8(), length: strings.length, valueOffsets, data }),
  );
  const type = new Dictionary(new Utf8(), new Int32());
  return makeVector(
    makeData({ type, length: indices.length, nullCount: 0, data: indices, dictionary: values }),
  );
}
