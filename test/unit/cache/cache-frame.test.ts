import { resolve } from "node:path";
import { tableFromArrays, tableFromIPC, type Table } from "apache-arrow";
import { createStorage, type Storage } from "unstorage";
import { afterEach, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../../adapters/node/serve.ts";
import { cacheData } from "../../../src/cache/index.ts";
import { cachedFrameEncodingCount } from "../../../src/cache/cached-frame.ts";
import { frameEncodingCount } from "../../../src/elements/data/frame-blobs.ts";
import { mediaHashCount } from "../../../src/media/media-id.ts";
import { defineApp } from "../../../src/index.ts";
import { ROUTES } from "../../../src/protocol/index.ts";
import { EventClient } from "../../helpers/events.ts";
import { freePort } from "../../helpers/processes.ts";

/** Issue 15: cacheData keeps an Arrow Table as a frame, its batches stored as media. */

const ROWS = 150_000; // three batches
const makeTable = (rows: number) =>
  tableFromArrays({
    id: Float64Array.from({ length: rows }, (_, i) => i),
    name: Array.from({ length: rows }, (_, i) => `row ${i}`),
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
  expect(decoded).not.toBe(first);
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
