import { resolve } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ROUTES, type ServerMessage } from "../../src/protocol/index.ts";
import { postToWorker, startWorker, type WorkerFixture } from "../helpers/worker.ts";

/** Issue 15: the same dataframes under workerd, encoded there and served by its media route. */

const FRAME_ROWS = 70_000;
let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/dataframe-worker.ts"),
    kvNamespaces: ["SESSIONS"],
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

const post = (body: object) => postToWorker(worker, body);

const grids = (messages: ServerMessage[]) =>
  messages.flatMap((m) => (m.type === "element" && m.kind === "dataframe" ? [m.props] : []));

async function fetchBatch(id: string) {
  const response = (await worker.miniflare.dispatchFetch(
    `http://localhost${ROUTES.media}${id}`,
  )) as unknown as Response;
  expect(response.status).toBe(200);
  return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
}

test("under workerd, dataframes (records and a cached Arrow frame) arrive as batch ids whose batches decode to their rows; a rerun sends neither again", async () => {
  const first = await post({ sessionId: null, lastRunId: null, eventId: "load" });
  const errors = first.filter((m) => m.type === "element" && m.kind === "exception");
  expect(errors).toEqual([]);
  const [small, large] = grids(first);
  expect(small?.rowCount).toBe(2);
  expect(large?.rowCount).toBe(FRAME_ROWS);
  expect(large?.batches).toHaveLength(2);

  const planets = await fetchBatch(small!.batches[0]!);
  expect(planets.toArray().map((row) => row.toJSON())).toEqual([
    { planet: "Mars", moons: 2 },
    { planet: "Earth", moons: 1 },
  ]);
  const tail = await fetchBatch(large!.batches[1]!);
  expect(tail.numRows).toBe(FRAME_ROWS - 65_536);
  expect(tail.get(tail.numRows - 1)?.toJSON()).toEqual({
    id: FRAME_ROWS - 1,
    name: `row ${FRAME_ROWS - 1}`,
  });

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
  expect(grids(rerun)).toEqual([]);
});
