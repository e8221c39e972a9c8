import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { builtClientAssets, bundleWorker, moduleWorker } from "../helpers/worker.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  createSseParser,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import { tempDir } from "../helpers/processes.ts";

// The hello Worker (wrangler.toml's), whose Data page shows a Plotly chart, an ECharts chart, a
// Graphviz graph and a map: the same on workerd as on Node.
const out = tempDir("edgelit-worker-");
let miniflare: Miniflare;

beforeAll(async () => {
  miniflare = new Miniflare({
    ...moduleWorker(bundleWorker(out.path)),
    kvNamespaces: ["SESSIONS"],
    assets: builtClientAssets(),
    cf: false,
  });
  await miniflare.ready;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  out.remove();
});

test("under workerd, the chart commands draw and a Plotly selection is checked", async () => {
  const post = async (body: object) => {
    const response = await miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, changes: [], ...body }),
    });
    const messages: ServerMessage[] = [];
    createSseParser((message) => messages.push(message))(await response.text());
    return messages;
  };
  const first = await post({ sessionId: null, lastRunId: null, eventId: "load", url: "/data" });
  const kinds = first.flatMap((message) => (message.type === "element" ? [message.kind] : []));
  expect(kinds).toEqual(
    expect.arrayContaining(["plotlyChart", "echartsChart", "graphvizChart", "map"]),
  );
  expect(kinds).not.toContain("exception");
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;
  const chart = first.find(
    (message) => message.type === "element" && message.kind === "plotlyChart",
  ) as Extract<ServerMessage, { kind: "plotlyChart" }>;
  const selection = {
    points: [{ curveNumber: 0, pointNumber: 9, pointIndex: 9 }],
    pointIndices: [9],
    box: [],
    lasso: [],
  };
  const refused = await post({
    sessionId: start.sessionId,
    lastRunId: finish.runId,
    eventId: "bad-point",
    url: "/data",
    changes: [{ id: chart.props.id, value: { selection } }],
  });
  expect(refused.find((message) => message.type === "refused")).toMatchObject({
    message: expect.stringContaining("pointNumber is not a point of its trace"),
  });
});

test("under workerd, the Graphviz worker's script is served with its own policy", async () => {
  const worker = readdirSync(resolve(import.meta.dirname, "../../dist-client/assets")).find(
    (name) => /^graphviz-worker-.*\.js$/.test(name),
  );
  const response = await miniflare.dispatchFetch(`http://localhost/assets/${worker}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-security-policy")).toBe(
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'",
  );
  await response.arrayBuffer();
});
