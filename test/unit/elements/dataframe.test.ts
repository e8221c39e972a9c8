import { tableFromArrays, tableFromIPC, type Table } from "apache-arrow";
import { describe, expect, test } from "vitest";
import { defineApp, type St } from "../../../src/index.ts";
import { ARROW_STREAM_TYPE } from "../../../src/protocol/index.ts";
import { BATCH_ROWS, frameEncodingCount } from "../../../src/elements/data/frame-blobs.ts";
import { AppTest } from "../../../src/testing/index.ts";

/** The frame a dataframe element shows, read back from its stored Arrow batches. */
async function shownFrame(at: AppTest, index = 0): Promise<Record<string, unknown>[]> {
  const element = at.get("dataframe")[index]!;
  const rows: Record<string, unknown>[] = [];
  for (const id of element.props.batches) {
    const stored = await at.media.getMedia(id);
    expect(stored?.meta.type).toBe(ARROW_STREAM_TYPE);
    const table = tableFromIPC(stored!.bytes);
    rows.push(...table.toArray().map((row) => row.toJSON() as Record<string, unknown>));
  }
  return rows;
}

async function showing(draw: (st: St) => void): Promise<AppTest> {
  return AppTest.fromApp(defineApp((st) => draw(st))).run();
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("data to Arrow", () => {
  test("an array of records: each type, nulls and missing keys", async () => {
    const at = await showing((st) =>
      st.dataframe([
        { city: "Oslo", people: 709_000, capital: true, founded: day("1040-01-01"), id: 1n },
        { city: "Bergen", people: null, capital: false, founded: null, id: 2n },
        { city: "Tromsø", capital: false, id: null },
      ]),
    );
    const element = at.get("dataframe")[0]!;
    expect(element.props.columns).toEqual([
      { name: "city", type: "string" },
      { name: "people", type: "number" },
      { name: "capital", type: "boolean" },
      { name: "founded", type: "date" },
      { name: "id", type: "integer" },
    ]);
    expect(element.props.rowCount).toBe(3);
    expect(element.props.batches).toHaveLength(1);
    expect(await shownFrame(at)).toEqual([
      {
        city: "Oslo",
        people: 709_000,
        capital: true,
        founded: day("1040-01-01").getTime(),
        id: 1n,
      },
      { city: "Bergen", people: null, capital: false, founded: null, id: 2n },
      { city: "Tromsø", people: null, capital: false, founded: null, id: null },
    ]);
  });

  test("an object of columns, arrays and typed arrays", async () => {
    const at = await showing((st) =>
      st.dataframe({
        x: new Float64Array([0.5, 1.5, 2.5]),
        n: new Int32Array([1, 2, 3]),
        label: ["a", null, "c"],
        empty: [null, null, null],
      }),
    );
    expect(at.get("dataframe")[0]!.props.columns.map((column) => column.type)).toEqual([
      "number",
      "number",
      "string",
      "null",
    ]);
    expect(await shownFrame(at)).toEqual([
      { x: 0.5, n: 1, label: "a", empty: null },
      { x: 1.5, n: 2, label: null, empty: null },
      { x: 2.5, n: 3, label: "c", empty: null },
    ]);
  });

  test("an Arrow table and an object with toArrow()", async () => {
    const table = tableFromArrays({ a: Int32Array.from([7, 8]), b: ["x", "y"] });
    const arquero = { toArrow: (): Table => table };
    const at = await showing((st) => {
      st.dataframe(table);
      st.dataframe(arquero);
    });
    const expected = [
      { a: 7, b: "x" },
      { a: 8, b: "y" },
    ];
    expect(await shownFrame(at, 0)).toEqual(expected);
    expect(await shownFrame(at, 1)).toEqual(expected);
  });

  test("a large frame is stored in batches of 65,536 rows that decode to its rows in order", async () => {
    const count = BATCH_ROWS * 2 + 10;
    const at = await showing((st) =>
      st.dataframe({ row: Float64Array.from({ length: count }, (_, i) => i) }),
    );
    const element = at.get("dataframe")[0]!;
    expect(element.props.batches).toHaveLength(3);
    expect(element.props.batchRows).toBe(BATCH_ROWS);
    const rows = await shownFrame(at);
    expect(rows).toHaveLength(count);
    expect(rows[BATCH_ROWS]).toEqual({ row: BATCH_ROWS });
    expect(rows.at(-1)).toEqual({ row: count - 1 });
  });

  test.each([
    [42, /st\.dataframe takes an array of records, an object of columns.*got a number \(42\)/],
    [() => 1, /got a function/],
    [{ a: [1, 2, 3], b: [1, 2] }, /column "b" has 2 values but column "a" has 3/],
    [
      [{ mixed: 1 }, { mixed: "one" }],
      /column "mixed" mixes number values \(row 0\) and string values \(row 1\)/,
    ],
    [[{ deep: { x: 1 } }], /column "deep" holds an object \(Object\) at row 0/],
    [{ a: 3 }, /column "a" is a number \(3\); each column must be an array/],
  ])(
    "bad input %# is an error in the page naming the problem; the app goes on",
    async (data, message) => {
      const at = await showing((st) => {
        try {
          st.dataframe(data as never);
        } finally {
          st.text("after");
        }
      });
      const [error] = at.get("exception");
      expect(error?.props.message).toMatch(message);
      expect(at.get("dataframe")).toHaveLength(0);
      // The page keeps working: the next run draws again.
      await at.run();
      expect(at.get("text")[0]?.props.body).toBe("after");
    },
  );
});

describe("unchanged frames", () => {
  test("the same data object shown again is not encoded again and keeps its batch ids", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ i, name: `row ${i}` }));
    const at = await showing((st) => st.dataframe(rows));
    const ids = at.get("dataframe")[0]!.props.batches;
    const encodedBefore = frameEncodingCount();
    await at.run();
    await at.run();
    expect(frameEncodingCount()).toBe(encodedBefore);
    expect(at.get("dataframe")[0]!.props.batches).toEqual(ids);
  });

  test("an in-place change to the data is noticed: it is encoded again and shows the change", async () => {
    const rows = [{ n: 1 }, { n: 2 }];
    const at = await showing((st) => st.dataframe(rows));
    const before = at.get("dataframe")[0]!.props.batches;
    rows[1]!.n = 20;
    rows.push({ n: 3 });
    await at.run();
    expect(at.get("dataframe")[0]!.props.batches).not.toEqual(before);
    expect(await shownFrame(at)).toEqual([{ n: 1 }, { n: 20 }, { n: 3 }]);
  });
});

describe("st.table and st.write", () => {
  test("st.table carries its rows inline; past 1,000 rows it cuts them and says how many there were", async () => {
    const at = await showing((st) => {
      st.table([{ planet: "Mars", moons: 2, seen: day("1610-01-07") }]);
      st.table({ n: Array.from({ length: 1500 }, (_, i) => i) });
    });
    const [small, large] = at.get("table");
    expect(small!.props).toEqual({
      columns: [
        { name: "planet", type: "string" },
        { name: "moons", type: "number" },
        { name: "seen", type: "date" },
      ],
      rows: [["Mars", 2, day("1610-01-07").getTime()]],
      rowCount: 1,
    });
    expect(large!.props.rows).toHaveLength(1000);
    expect(large!.props.rowCount).toBe(1500);
  });

  test("st.write draws tabular data as a dataframe and other objects as JSON", async () => {
    const at = await showing((st) => {
      st.write([{ a: 1 }, { a: 2 }]);
      st.write({ total: 3, tags: ["x"] });
      st.write([{ nested: { a: 1 } }]);
    });
    expect(at.elements.map((element) => element.kind)).toEqual(["dataframe", "json", "json"]);
    expect(await shownFrame(at)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  test("dataframe options: columnOrder picks and orders columns, unknown names are refused", async () => {
    const at = await showing((st) => {
      st.dataframe(
        { a: [1], b: ["x"], c: [true] },
        { columnOrder: ["c", "a"], height: 200, hideIndex: true },
      );
      st.dataframe({ a: [1] }, { columnOrder: ["zz"] });
    });
    expect(at.get("dataframe")[0]!.props).toMatchObject({
      columns: [
        { name: "c", type: "boolean" },
        { name: "a", type: "number" },
      ],
      height: 200,
      hideIndex: true,
    });
    expect(at.get("exception")[0]?.props.message).toMatch(
      /columnOrder names "zz", which is not a column/,
    );
  });
});

test("encoding compiles no code: Workers refuse `new Function`, which Arrow's null checks use by default", async () => {
  const original = globalThis.Function;
  const compiled: string[] = [];
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      compiled.push(args.join(" "));
      return Reflect.construct(target, args) as object;
    },
  });
  try {
    const at = await showing((st) =>
      st.dataframe([
        { a: 1, b: "x", c: true, d: day("2025-01-01"), e: 1n, f: null },
        { a: null, b: null, c: null, d: null, e: null, f: null },
      ]),
    );
    expect(at.get("dataframe")).toHaveLength(1);
  } finally {
    globalThis.Function = original;
  }
  expect(compiled).toEqual([]);
});
