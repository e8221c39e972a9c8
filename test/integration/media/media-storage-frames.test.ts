import { resolve } from "node:path";
import { Table, tableFromIPC, vectorFromArray } from "apache-arrow";
import { createStorage } from "unstorage";
import fsDriver from "unstorage/drivers/fs";
import { afterAll, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../../adapters/node/serve.ts";
import { cacheData, defineApp } from "../../../src/index.ts";
import { ROUTES } from "../../../src/protocol/index.ts";
import { EventClient } from "../../helpers/events.ts";
import { freePort, tempDir } from "../../helpers/processes.ts";

/**
 * `mediaStorage` given to the server as an unstorage driver (fs, as on a shared volume): a
 * dataframe's Arrow batches and a cacheData frame's batches go there, none to the session store.
 */

const dir = tempDir("edgelit-media-fs-");
let server: NodeServer | undefined;
afterAll(async () => {
  await server?.close();
  dir.remove();
});

const ROWS = 100_000;
const loadTable = cacheData(async function loadTable(rows: number) {
  return new Table({ n: vectorFromArray(Float64Array.from({ length: rows }, (_, i) => i * 2)) });
});

test("frame batches, plain and cached, are kept in the media storage and served from it", async () => {
  const sessions = createStorage();
  const bytesDriver = fsDriver({ base: dir.path });
  const bytes = createStorage({ driver: bytesDriver });
  server = await serveNode({
    app: defineApp(async (st) => {
      st.dataframe({ id: Float64Array.from({ length: ROWS }, (_, i) => i) });
      st.dataframe(await loadTable(ROWS));
    }),
    storage: sessions,
    mediaStorage: createStorage({ driver: bytesDriver }),
    clientDir: resolve(import.meta.dirname, "../../../dist-client"),
    port: await freePort(),
    host: "127.0.0.1",
  });
  const tab = new EventClient(server.url);
  expect((await tab.send()).status).toBe(200);
  const frames = tab.elements("dataframe") as { batches: string[] }[];
  expect(frames).toHaveLength(2);
  const sums: number[] = [];
  for (const frame of frames) {
    let rows = 0;
    for (const id of frame.batches) {
      const response = await fetch(`${server.url}${ROUTES.media}${id}`);
      expect(response.status).toBe(200);
      rows += tableFromIPC(new Uint8Array(await response.arrayBuffer())).numRows;
      expect(await bytes.hasItem(`edgelit:chunks:media:${id}:0`)).toBe(true);
    }
    sums.push(rows);
  }
  expect(sums).toEqual([ROWS, ROWS]);
  const sessionKeys = await sessions.getKeys();
  expect(sessionKeys.filter((key) => /^edgelit:(chunks|media|writing):/.test(key))).toEqual([]);
});
