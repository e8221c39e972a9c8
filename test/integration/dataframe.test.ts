import { resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { createStorage } from "unstorage";
import { afterEach, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import { defineApp } from "../../src/index.ts";
import { ROUTES, type ServerMessage } from "../../src/protocol/index.ts";
import { EventClient } from "../helpers/events.ts";
import { freePort } from "../helpers/processes.ts";

/**
 * Issue 15: a dataframe travels as Arrow batches stored as media. Its element
 * carries only their ids, any request fetches them from /_edgelit/media/<id>,
 * and a rerun that shows the same frame sends nothing for it.
 */

const ROWS = 100_000;
const frame = {
  id: Float64Array.from({ length: ROWS }, (_, i) => i),
  name: Array.from({ length: ROWS }, (_, i) => `row ${i}`),
};

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(app: ReturnType<typeof defineApp>): Promise<NodeServer> {
  const server = await serveNode({
    app,
    storage: createStorage(),
    clientDir: resolve(import.meta.dirname, "../../dist-client"),
    port: await freePort(),
    host: "127.0.0.1",
  });
  servers.push(server);
  return server;
}

const kindsSent = (messages: ServerMessage[]) =>
  messages.flatMap((message) => (message.type === "element" ? [message.kind] : []));

test("a dataframe's element carries batch ids; the batches served over HTTP decode to the frame; an unchanged rerun sends no dataframe", async () => {
  const server = await serve(
    defineApp((st) => {
      // A new object every run, with the same content, and the module's own object.
      st.dataframe({ id: [1, 2, 3], name: ["a", "b", "c"] });
      st.dataframe(frame);
      st.button("Again");
    }),
  );
  const tab = new EventClient(server.url);
  const first = await tab.send();
  expect(first.status).toBe(200);
  // Elements waiting on their stored batches are sent once those are stored (maybe after the button).
  expect(kindsSent(first.messages).sort()).toEqual(["button", "dataframe", "dataframe"]);

  const [small, large] = tab.elements("dataframe") as {
    batches: string[];
    rowCount: number;
    columns: unknown[];
  }[];
  expect(large!.rowCount).toBe(ROWS);
  expect(large!.columns).toEqual([
    { name: "id", type: "number" },
    { name: "name", type: "string" },
  ]);
  // The props hold ids, not rows: small whatever the frame's size.
  expect(JSON.stringify(large).length).toBeLessThan(1000);
  expect(large!.batches).toHaveLength(2);

  const decoded: { id: number; name: string }[] = [];
  for (const id of large!.batches) {
    const response = await fetch(`${server.url}${ROUTES.media}${id}`);
    expect(response.status).toBe(200);
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    for (const row of table.toArray()) decoded.push(row.toJSON() as { id: number; name: string });
  }
  expect(decoded).toHaveLength(ROWS);
  expect(decoded[0]).toEqual({ id: 0, name: "row 0" });
  expect(decoded[70_000]).toEqual({ id: 70_000, name: "row 70000" });
  expect(decoded.at(-1)).toEqual({ id: ROWS - 1, name: `row ${ROWS - 1}` });
  expect(small!.batches).toHaveLength(1);

  const again = await tab.send([{ id: tab.widgetId("button", "Again"), value: true }]);
  expect(again.status).toBe(200);
  expect(kindsSent(again.messages)).not.toContain("dataframe");
  expect(tab.elements("dataframe")).toEqual([small, large]);
});
