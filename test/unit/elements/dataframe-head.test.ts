import { tableFromIPC } from "apache-arrow";
import { expect, test } from "vitest";
import { cacheData, defineApp, toArrowTable } from "../../../src/index.ts";
import { HEAD_ROWS } from "../../../src/elements/data/frame-blobs.ts";
import { AppTest } from "../../../src/testing/index.ts";

const ROWS = 100_000;
const wide = {
  n: Float64Array.from({ length: ROWS }, (_, i) => i),
  label: Array.from({ length: ROWS }, (_, i) => `row ${i}`),
};
const small = { n: [1, 2, 3] };

test("a frame whose first batch is large also stores its first rows alone, for the page's first screen", async () => {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st.dataframe(wide);
      st.dataframe(small);
    }),
  ).run();
  const [large, tiny] = at.get("dataframe");
  expect(large!.props.head).toEqual({ id: expect.any(String), rows: HEAD_ROWS });
  const stored = await at.media.getMedia(large!.props.head!.id);
  const head = tableFromIPC(stored!.bytes);
  expect(head.numRows).toBe(HEAD_ROWS);
  expect(head.get(HEAD_ROWS - 1)!.toJSON()).toEqual({ n: 999, label: "row 999" });
  expect(stored!.bytes.byteLength).toBeLessThan(32 * 1024);
  // A small frame's first batch is its head already.
  expect(tiny!.props.head).toBeUndefined();
});

test("a Table cacheData returned gets its head from its stored first batch: the same rows, dates included", async () => {
  const day = Date.UTC(2024, 0, 1);
  const load = cacheData(async function loadDated(rows: number) {
    return toArrowTable({
      n: Float64Array.from({ length: rows }, (_, i) => i),
      when: Array.from({ length: rows }, (_, i) => new Date(day + i * 60_000)),
      label: Array.from({ length: rows }, (_, i) => `row ${i}`),
    });
  });
  const app = defineApp(async (st) => {
    st.dataframe(await load(ROWS));
  });
  for (let run = 0; run < 2; run++) {
    const at = await AppTest.fromApp(app).run();
    const head = at.get("dataframe")[0]!.props.head!;
    const table = tableFromIPC((await at.media.getMedia(head.id))!.bytes);
    expect(table.numRows).toBe(HEAD_ROWS);
    expect(table.get(0)!.toJSON()).toEqual({ n: 0, when: day, label: "row 0" });
    expect(table.get(999)!.toJSON()).toEqual({
      n: 999,
      when: day + 999 * 60_000,
      label: "row 999",
    });
  }
});
