import { resolve } from "node:path";
import { makeVector, Table, tableFromIPC, Utf8, vectorFromArray } from "apache-arrow";
import { createStorage, type Storage } from "unstorage";
import { afterEach, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../../adapters/node/serve.ts";
import { cacheData } from "../../../src/cache/index.ts";
import { cachedFrameEncodingCount } from "../../../src/cache/cached-frame.ts";
import { frameEncodingCount } from "../../../src/elements/data/frame-blobs.ts";
import { mediaHashCount } from "../../../src/media/media-id.ts";
import { defineApp, toArrowTable } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { ROUTES } from "../../../src/protocol/index.ts";
import { EventClient } from "../../helpers/events.ts";
import { freePort } from "../../helpers/processes.ts";

/** Issue 15: cacheData keeps an Arrow Table as a frame, its batches stored as media. */

const ROWS = 150_000; // three batches
const makeTable = (rows: number) =>
  new Table({
    id: makeVector(Float64Array.from({ length: rows }, (_, i) => i)),
    name: vectorFromArray(
      Array.from({ length: rows }, (_, i) => `row ${i}`),
      new Utf8(),
    ),
  });
const rowsOf = (table: Table) => table.toArray().map((row) => row.toJSON());

/** A cached loader as one process defines it; each call of `replica` stands for another process. */
function replica(storage: Storage, runs: { count: number }, rows = ROWS) {
  return cacheData(
    async function loadFrame(label: string) {
      runs.count++;
      const table = makeTable(rows);
      return label === "big" ? table : table.slice(0, 2);
    },
    { storage },
  );
}

test("a Table result is stored as batch ids in the media store; hits return it, another process decodes it once", async () => {
  const storage = createStorage();
  const runs = { count: 0 };
  const load = replica(storage, runs);
  const encodedBefore = cachedFrameEncodingCount();
  const first = await load("big");
  expect(first.numRows).toBe(ROWS);
  expect(cachedFrameEncodingCount()).toBe(encodedBefore + 1);

  // The entry names the batches; the batches are media the page can fetch.
  const [key] = await storage.getKeys("edgelit:cache");
  const entry = (await storage.getItem(key!)) as { frame: { ids: string[]; rowCount: number } };
  expect(entry.frame.rowCount).toBe(ROWS);
  expect(entry.frame.ids).toHaveLength(3);
  expect(entry).not.toHaveProperty("value");
  expect(JSON.stringify(entry).length).toBeLessThan(1000);
  for (const id of entry.frame.ids) expect(await storage.hasItem(`edgelit:media:${id}`)).toBe(true);

  // A hit in the same process: the same Table, neither read back nor encoded.
  expect(await load("big")).toBe(first);
  expect(runs.count).toBe(1);
  expect(cachedFrameEncodingCount()).toBe(encodedBefore + 1);

  // Another process: decodes the stored batches once, then keeps the Table.
  const other = replica(storage, runs);
  const decoded = await other("big");
  expect(decoded === first).toBe(false); // not `.not.toBe`: it compares the two tables deeply
  expect(decoded.numRows).toBe(ROWS);
  expect(rowsOf(decoded.slice(ROWS - 2))).toEqual([
    { id: ROWS - 2, name: `row ${ROWS - 2}` },
    { id: ROWS - 1, name: `row ${ROWS - 1}` },
  ]);
  expect(await other("big")).toBe(decoded);
  expect(runs.count).toBe(1);
  expect(cachedFrameEncodingCount()).toBe(encodedBefore + 1);
});

test("a frame whose batches have gone from the store is computed again", async () => {
  const storage = createStorage();
  const runs = { count: 0 };
  await replica(storage, runs)("small");
  for (const key of await storage.getKeys("edgelit:media")) await storage.removeItem(key);
  const again = await replica(storage, runs)("small");
  expect(rowsOf(again)).toEqual([
    { id: 0, name: "row 0" },
    { id: 1, name: "row 1" },
  ]);
  expect(runs.count).toBe(2);
});

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

test("st.dataframe of a cached frame shows its stored batches: nothing encoded or hashed again, an unchanged rerun sends no dataframe", async () => {
  const storage = createStorage();
  const runs = { count: 0 };
  const load = replica(storage, runs);
  const server = await serveNode({
    app: defineApp(async (st) => {
      st.button("Elsewhere");
      st.dataframe(await load("big"));
    }),
    storage,
    clientDir: resolve(import.meta.dirname, "../../../dist-client"),
    port: await freePort(),
    host: "127.0.0.1",
  });
  servers.push(server);
  const shownBefore = frameEncodingCount();
  const tab = new EventClient(server.url);
  expect((await tab.send()).status).toBe(200);
  const [grid] = tab.elements("dataframe") as { batches: string[]; rowCount: number }[];
  expect(grid!.rowCount).toBe(ROWS);
  const [key] = await storage.getKeys("edgelit:cache");
  const entry = (await storage.getItem(key!)) as { frame: { ids: string[] } };
  // Shown from the very batches the cache stored: st.dataframe encoded nothing.
  expect(grid!.batches).toEqual(entry.frame.ids);
  expect(frameEncodingCount()).toBe(shownBefore);

  const response = await fetch(`${server.url}${ROUTES.media}${grid!.batches[2]}`);
  expect(response.status).toBe(200);
  const last = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  expect(last.numRows).toBe(ROWS - 2 * 65_536);
  expect(last.get(last.numRows - 1)?.toJSON()).toEqual({ id: ROWS - 1, name: `row ${ROWS - 1}` });

  // A click elsewhere: the frame is neither encoded nor hashed, and its element is not sent.
  const hashesBefore = mediaHashCount();
  const rerun = await tab.send([{ id: tab.widgetId("button", "Elsewhere"), value: true }]);
  expect(rerun.status).toBe(200);
  expect(rerun.messages.filter((m) => m.type === "element").map((m) => m.kind)).not.toContain(
    "dataframe",
  );
  expect(mediaHashCount()).toBe(hashesBefore);
  expect(frameEncodingCount()).toBe(shownBefore);
  expect(runs.count).toBe(1);
});

test("records returned through toArrowTable are kept as a frame: reruns showing them encode nothing", async () => {
  const storage = createStorage();
  let runs = 0;
  const loadCities = cacheData(
    async () => {
      runs++;
      return toArrowTable([
        { city: "Oslo", people: 709_000, founded: new Date(Date.UTC(1048, 0, 1)) },
        { city: "Lima", people: 10_000_000, founded: null },
      ]);
    },
    { storage },
  );
  const app = defineApp(async (st) => {
    st.button("Elsewhere");
    st.dataframe(await loadCities());
  });
  const at = await AppTest.fromApp(app).run();
  const encodedAfterFirst = frameEncodingCount();
  const [grid] = at.get("dataframe");
  expect(grid!.props.rowCount).toBe(2);
  expect(grid!.props.columns).toEqual([
    { name: "city", type: "string" },
    { name: "people", type: "number" },
    { name: "founded", type: "date" },
  ]);
  await at.button("Elsewhere").click().run();
  await AppTest.fromApp(app).run();
  expect(frameEncodingCount()).toBe(encodedAfterFirst);
  expect(runs).toBe(1);
  const [key] = await storage.getKeys("edgelit:cache");
  expect(await storage.getItem(key!)).toMatchObject({ frame: { rowCount: 2 } });
});
