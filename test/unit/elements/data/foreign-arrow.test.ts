import { createRequire } from "node:module";
import { tableFromIPC, Table } from "apache-arrow";
import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { cacheData } from "../../../../src/cache/index.ts";
import { defineApp, type St } from "../../../../src/index.ts";
import { AppTest } from "../../../../src/testing/index.ts";

/**
 * A table made by a second copy of apache-arrow, as a project gets when the
 * app pins another version or a library (Arquero, say) brings its own. Here
 * the second copy is the package's CommonJS build: its classes are not
 * edgelit's, which is what matters. Before, such a table passed
 * `instanceof Table` and was written without its buffers: the page got
 * batches that could not be read.
 */
const otherArrow = createRequire(import.meta.url)("apache-arrow") as typeof import("apache-arrow");

const rows = [
  { city: "Oslo", people: 709_000, capital: true, since: new Date(Date.UTC(1048, 0, 1)) },
  { city: "Bergen", people: null, capital: false, since: null },
  { city: "Tromsø", people: 77_000, capital: false, since: new Date(Date.UTC(1794, 0, 1)) },
];

function otherCopysTable() {
  const table = otherArrow.tableFromJSON(rows);
  expect(table.constructor).not.toBe(Table);
  return table;
}

async function shownRows(draw: (st: St) => void): Promise<Record<string, unknown>[]> {
  const at = await AppTest.fromApp(defineApp((st) => draw(st))).run();
  expect(at.exceptions.map((error) => error.props)).toEqual([]);
  const element = at.get("dataframe")[0]!;
  const shown: Record<string, unknown>[] = [];
  for (const id of element.props.batches) {
    const stored = await at.media.getMedia(id);
    shown.push(
      ...tableFromIPC(stored!.bytes)
        .toArray()
        .map((row) => row.toJSON()),
    );
  }
  return shown;
}

const expected = rows.map((row) => ({ ...row, since: row.since?.getTime() ?? null }));

test("st.dataframe of a table from another copy of apache-arrow shows its rows", async () => {
  expect(await shownRows((st) => st.dataframe(otherCopysTable()))).toEqual(expected);
});

test("a slice of such a table, and st.write of it, show the rows they hold", async () => {
  expect(await shownRows((st) => st.dataframe(otherCopysTable().slice(1)))).toEqual(
    expected.slice(1),
  );
  expect(await shownRows((st) => st.write(otherCopysTable()))).toEqual(expected);
});

test("an object whose toArrow() returns such a table (as Arquero's do) shows its rows", async () => {
  const arqueroLike = { toArrow: () => otherCopysTable() };
  expect(await shownRows((st) => st.dataframe(arqueroLike))).toEqual(expected);
});

test("cacheData keeps such a table as a frame another process reads back whole", async () => {
  const storage = createStorage();
  const load = () =>
    cacheData(
      async function loadCities() {
        return otherCopysTable();
      },
      { storage },
    );
  const first = await load()();
  expect(first.toArray().map((row) => row.toJSON())).toEqual(expected);
  // Another process has only the stored batches.
  const decoded = await load()();
  expect(decoded).not.toBe(first);
  expect(decoded.toArray().map((row) => row.toJSON())).toEqual(expected);
});
