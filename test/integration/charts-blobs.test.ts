import { resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { createStorage, type Storage } from "unstorage";
import { afterEach, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import { defineApp } from "../../src/index.ts";
import {
  ROUTES,
  type MapProps,
  type PlotlyChartProps,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import { EventClient } from "../helpers/events.ts";
import { freePort } from "../helpers/processes.ts";

/**
 * Issue 16: a Plotly figure's long arrays and a map's many points travel as
 * Arrow batches in the media store, as a Vega-Lite chart's data does. A rerun
 * with the same data sends and stores nothing for them; a new colour sends the
 * figure alone; any replica serves the batches.
 */

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const app = defineApp((st) => {
  if (st.button("Add a point")) st.session.extra = ((st.session.extra as number) ?? 0) + 1;
  const count = 2000 + ((st.session.extra as number | undefined) ?? 0);
  // New arrays every run: the same content is the same stored batch.
  const xs = Array.from({ length: count }, (_, i) => i);
  const red = st.checkbox("Red");
  st.plotlyChart({
    data: [
      {
        type: "scattergl",
        mode: "markers",
        x: xs,
        y: xs.map((x) => Math.sin(x / 40)),
        text: xs.map((x) => `point ${x}`),
        marker: { color: red ? "#ff0000" : "#0000ff" },
      },
    ],
    layout: { title: { text: "Waves" } },
  });
  st.map({
    lat: xs.map((x) => 40 + (x % 100) / 10),
    lon: xs.map((x) => Math.floor(x / 100) / 10),
  });
  st.button("Again");
});

type Sent = { plotly: PlotlyChartProps[]; maps: MapProps[]; bytes: number };

function sent(messages: ServerMessage[]): Sent {
  const result: Sent = { plotly: [], maps: [], bytes: JSON.stringify(messages).length };
  for (const message of messages) {
    if (message.type !== "element") continue;
    if (message.kind === "plotlyChart") result.plotly.push(message.props as PlotlyChartProps);
    if (message.kind === "map") result.maps.push(message.props as MapProps);
  }
  return result;
}

async function columnsServedBy(server: NodeServer, id: string): Promise<unknown[][]> {
  const response = await fetch(`${server.url}${ROUTES.media}${id}`);
  expect(response.status).toBe(200);
  const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  return table.schema.fields.map((_, index) => [...table.getChildAt(index)!.toArray()]);
}

/** Records the keys written to the store (the server's own writes, unchanged). */
function watchWrites(storage: Storage): string[] {
  const written: string[] = [];
  for (const method of ["setItem", "setItemRaw", "setItems"] as const) {
    const original = storage[method].bind(storage) as (...args: unknown[]) => Promise<void>;
    (storage as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const first = args[0];
      if (typeof first === "string") written.push(first);
      else if (Array.isArray(first))
        for (const item of first as { key: string }[]) written.push(item.key);
      return original(...args);
    };
  }
  return written;
}

async function start(storage: Storage): Promise<NodeServer> {
  const server = await serveNode({
    app,
    storage,
    clientDir: resolve(import.meta.dirname, "../../dist-client"),
    port: await freePort(),
    host: "127.0.0.1",
  });
  servers.push(server);
  return server;
}

test("a figure's long arrays and a map's points are stored batches; an unchanged rerun sends and stores nothing for them", async () => {
  const storage = createStorage();
  const written = watchWrites(storage);
  const server = await start(storage);
  const tab = new EventClient(server.url);

  const first = sent((await tab.send()).messages);
  const [figure] = first.plotly;
  // The figure keeps its short parts; x, y and text travel as one stored table of the trace.
  expect(figure!.figure).toMatchObject({
    data: [{ type: "scattergl", mode: "markers", marker: { color: "#0000ff" } }],
    layout: { title: { text: "Waves" } },
  });
  const trace = (figure!.figure.data as Record<string, unknown>[])[0]!;
  expect(Object.keys(trace).sort()).toEqual(["marker", "mode", "type"]);
  expect(figure!.columns).toHaveLength(1);
  const stored = figure!.columns![0]!;
  expect(stored).toMatchObject({ trace: 0, paths: [["x"], ["y"], ["text"]] });
  const [xs, ys, texts] = await columnsServedBy(server, stored.batches[0]!);
  expect(xs).toHaveLength(2000);
  expect(xs!.slice(0, 3)).toEqual([0, 1, 2]);
  expect(ys![40]).toBeCloseTo(Math.sin(1));
  expect(texts![1999]).toBe("point 1999");

  const [map] = first.maps;
  expect(map!.latitude).toEqual([]);
  expect(map!.columns!.paths).toEqual([["latitude"], ["longitude"]]);
  const [latitudes, longitudes] = await columnsServedBy(server, map!.columns!.batches[0]!);
  expect(latitudes).toHaveLength(2000);
  expect(longitudes![1999]).toBeCloseTo(1.9);

  // The first visit saved no session, so the first rerun only renews the batches' expiry (it does
  // not know they were stored); from then on the session remembers them and nothing is written.
  written.length = 0;
  const again = sent(
    (await tab.send([{ id: tab.widgetId("button", "Again"), value: true }])).messages,
  );
  expect(again.plotly).toEqual([]);
  expect(again.maps).toEqual([]);
  expect(again.bytes).toBeLessThan(1024);
  expect(written.filter((key) => key.includes("chunks"))).toEqual([]);
  written.length = 0;
  const third = sent(
    (await tab.send([{ id: tab.widgetId("button", "Again"), value: true }])).messages,
  );
  expect(third.plotly.length + third.maps.length).toBe(0);
  expect(third.bytes).toBeLessThan(1024);
  expect(written.filter((key) => key.includes("media"))).toEqual([]);

  // A new colour sends the figure again, with the same stored batch and none of its values.
  const recoloured = sent(
    (await tab.send([{ id: tab.widgetId("checkbox", "Red"), value: true }])).messages,
  );
  const [red] = recoloured.plotly;
  expect(red!.figure).toMatchObject({ data: [{ marker: { color: "#ff0000" } }] });
  expect(red!.columns).toEqual(figure!.columns);
  expect(recoloured.maps).toEqual([]);
  expect(recoloured.bytes).toBeLessThan(2048);

  // New data: a new batch, with the new point.
  const grown = sent(
    (await tab.send([{ id: tab.widgetId("button", "Add a point"), value: true }])).messages,
  );
  const newBatch = grown.plotly[0]!.columns![0]!.batches[0]!;
  expect(newBatch).not.toBe(stored.batches[0]);
  expect((await columnsServedBy(server, newBatch))[0]).toHaveLength(2001);
  expect(grown.maps[0]!.columns!.batches).not.toEqual(map!.columns!.batches);
});

test("a second replica on the same store serves the batches the first one stored", async () => {
  const storage = createStorage();
  const [first, second] = [await start(storage), await start(storage)];
  const tab = new EventClient(first.url);
  const shown = sent((await tab.send()).messages);
  const [xs] = await columnsServedBy(second, shown.plotly[0]!.columns![0]!.batches[0]!);
  expect(xs).toHaveLength(2000);
  const [latitudes] = await columnsServedBy(second, shown.maps[0]!.columns!.batches[0]!);
  expect(latitudes![0]).toBe(40);
  // The tab's next event on the second replica sends nothing for the unchanged charts.
  tab.baseUrl = second.url;
  const again = sent(
    (await tab.send([{ id: tab.widgetId("button", "Again"), value: true }])).messages,
  );
  expect(again.plotly).toEqual([]);
  expect(again.maps).toEqual([]);
});
