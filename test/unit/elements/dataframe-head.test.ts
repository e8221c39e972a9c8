import { tableFromIPC } from "apache-arrow";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
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
