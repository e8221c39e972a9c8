import { resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { createStorage } from "unstorage";
import { afterEach, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import { defineApp } from "../../src/index.ts";
import { ROUTES, type ServerMessage, type VegaLiteChartProps } from "../../src/protocol/index.ts";
import { EventClient } from "../helpers/events.ts";
import { freePort } from "../helpers/processes.ts";

/**
 * Issue 16: a chart's data past a few KB travels as a stored Arrow batch. A
 * rerun that shows the same chart sends nothing for it; a new colour sends
 * the spec with the same batch; new data sends the new batch's id.
 */

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const app = defineApp((st) => {
  const extra = (st.session.extra as number | undefined) ?? 0;
  if (st.button("Add a point")) st.session.extra = extra + 1;
  const count = 2000 + ((st.session.extra as number | undefined) ?? 0);
  // A new object every run: the same content is the same stored batch.
  const points = {
    t: Array.from({ length: count }, (_, i) => i),
    value: Array.from({ length: count }, (_, i) => Math.cos(i / 40)),
  };
  const red = st.checkbox("Red");
  st.lineChart(points, { x: "t", y: "value", color: red ? "#ff0000" : undefined });
  st.button("Again");
});

const chartsSent = (messages: ServerMessage[]) =>
  messages.flatMap((message) =>
    message.type === "element" && message.kind === "vegaLiteChart" ? [message.props] : [],
  );

async function rowsOf(server: NodeServer, id: string): Promise<number> {
  const response = await fetch(`${server.url}${ROUTES.media}${id}`);
  expect(response.status).toBe(200);
  return tableFromIPC(new Uint8Array(await response.arrayBuffer())).numRows;
}

test("an unchanged chart sends nothing on a rerun; a new colour sends its spec alone; new data its new batch", async () => {
  const server = await serveNode({
    app,
    storage: createStorage(),
    clientDir: resolve(import.meta.dirname, "../../dist-client"),
    port: await freePort(),
    host: "127.0.0.1",
  });
  servers.push(server);
  const tab = new EventClient(server.url);
  const first = chartsSent((await tab.send()).messages);
  expect(first).toHaveLength(1);
  const [batch] = first[0]!.datasets[0]!.batches!;
  expect(first[0]!.datasets[0]!.values).toBeUndefined();
  expect(await rowsOf(server, batch!)).toBe(2000);

  const again = await tab.send([{ id: tab.widgetId("button", "Again"), value: true }]);
  expect(again.status).toBe(200);
  expect(chartsSent(again.messages)).toEqual([]);

  const recoloured = await tab.send([{ id: tab.widgetId("checkbox", "Red"), value: true }]);
  const [red] = chartsSent(recoloured.messages) as VegaLiteChartProps[];
  expect(red!.spec.encoding).toMatchObject({ color: { value: "#ff0000" } });
  expect(red!.datasets[0]!.batches).toEqual([batch]);

  const grown = await tab.send([{ id: tab.widgetId("button", "Add a point"), value: true }]);
  const [longer] = chartsSent(grown.messages) as VegaLiteChartProps[];
  const [newBatch] = longer!.datasets[0]!.batches!;
  expect(newBatch).not.toBe(batch);
  expect(await rowsOf(server, newBatch!)).toBe(2001);
});
