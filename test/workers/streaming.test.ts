import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  createSseParser,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import { startWorker, type WorkerFixture } from "../helpers/worker.ts";

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/streaming-worker.ts"),
    kvNamespaces: ["SESSIONS"],
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

async function post(body: object): Promise<Response> {
  return worker.miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, changes: [], ...body }),
  }) as unknown as Promise<Response>;
}

test("under workerd, a slow run streams: what the script drew before its pause arrives while it still runs", async () => {
  const first: ServerMessage[] = [];
  createSseParser((m) => first.push(m))(
    await (await post({ sessionId: null, lastRunId: null, eventId: "load" })).text(),
  );
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;
  const slow = first.find(
    (m) => m.type === "element" && m.kind === "checkbox" && m.props.label === "Slow",
  ) as Extract<ServerMessage, { kind: "checkbox" }>;

  const response = await post({
    sessionId: start.sessionId,
    lastRunId: finish.runId,
    eventId: "slow",
    changes: [{ id: slow.props.id, value: true }],
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const batches: ServerMessage[][] = [];
  const parse = createSseParser((m) => batches.at(-1)!.push(m));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    batches.push([]);
    parse(decoder.decode(value, { stream: true }));
  }
  const arrived = batches.filter((batch) => batch.length > 0);
  const pieceWith = (match: (m: ServerMessage) => boolean) =>
    arrived.findIndex((batch) => batch.some(match));
  const runNumber = pieceWith(
    (m) => m.type === "element" && m.kind === "markdown" && m.props.body === "run 2",
  );
  const finished = pieceWith((m) => m.type === "finish");
  expect(arrived[0]![0]?.type).toBe("start");
  // What the script drew before its pause came in an earlier piece than the run's end.
  expect(runNumber).toBeGreaterThanOrEqual(0);
  expect(finished).toBeGreaterThan(runNumber);
  expect(arrived.at(-1)!.at(-1)?.type).toBe("finish");
});
