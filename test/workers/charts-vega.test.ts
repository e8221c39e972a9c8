import { resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ROUTES, type ServerMessage } from "../../src/protocol/index.ts";
import { postToWorker, startWorker, type WorkerFixture } from "../helpers/worker.ts";

/** Issue 16: a line chart and a Vega-Lite chart under workerd. */

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/charts-vega-worker.ts"),
    kvNamespaces: ["SESSIONS"],
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

const post = (body: object) => postToWorker(worker, body);

const charts = (messages: ServerMessage[]) =>
  messages.flatMap((m) => (m.type === "element" && m.kind === "vegaLiteChart" ? [m.props] : []));

test("under workerd a line chart's spec and stored data, and a Vega-Lite chart's inline data, arrive; a rerun sends neither again", async () => {
  const first = await post({ sessionId: null, lastRunId: null, eventId: "load" });
  const failures = first.filter(
    (m) => m.type === "element" && (m.kind === "exception" || m.kind === "alert"),
  );
  expect(failures).toEqual([]);
  // The stored chart is sent once its batch is stored: find each by its mark, not by order.
  const line = charts(first).find((chart) => chart.datasets[0]?.batches);
  const bars = charts(first).find((chart) => chart.spec.mark === "bar");
  expect(line?.spec.mark).toEqual({ type: "line" });
  expect(line?.spec.encoding).toMatchObject({ x: { field: "t" }, y: { field: "value" } });
  const batch = line?.datasets[0]?.batches?.[0];
  expect(batch).toBeDefined();
  const response = (await worker.miniflare.dispatchFetch(
    `http://localhost${ROUTES.media}${batch}`,
  )) as unknown as Response;
  expect(response.status).toBe(200);
  const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  expect(table.numRows).toBe(3000);
  expect(table.get(50)?.toJSON()).toEqual({ t: 50, value: Math.sin(1) });

  expect(bars?.spec).toMatchObject({ mark: "bar", data: { name: "edgelit-data" } });
  expect(bars?.datasets).toEqual([
    {
      name: "edgelit-data",
      values: [
        { city: "Lyon", people: 520 },
        { city: "Oslo", people: 700 },
      ],
    },
  ]);

  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;
  const button = first.find((m) => m.type === "element" && m.kind === "button") as Extract<
    ServerMessage,
    { kind: "button" }
  >;
  const rerun = await post({
    sessionId: start.sessionId,
    lastRunId: finish.runId,
    eventId: "click",
    changes: [{ id: button.props.id, value: true }],
  });
  expect(rerun.at(-1)?.type).toBe("finish");
  expect(charts(rerun)).toEqual([]);
});
