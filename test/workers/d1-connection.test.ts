import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ServerMessage } from "../../src/protocol/index.ts";
import { postToWorker, startWorker, type WorkerFixture } from "../helpers/worker.ts";

/** st.connection on Cloudflare D1 under workerd: the binding from the Worker's env, results cached in KV. */

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/d1-worker.ts"),
    kvNamespaces: ["SESSIONS"],
    d1Databases: ["DB"],
  });
  const db = await worker.miniflare.getD1Database("DB");
  await db.batch([
    db.prepare("create table orders (region text, total real)"),
    db.prepare("insert into orders values ('EU', 10), ('EU', 5.5), ('US', 7)"),
    db.prepare("create table query_log (region text)"),
  ]);
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

const post = (body: object) => postToWorker(worker, body);

const elementsOf = (messages: ServerMessage[], kind: string) =>
  messages.flatMap((m) =>
    m.type === "element" && m.kind === kind ? [m.props as Record<string, unknown>] : [],
  );

const loggedQueries = async () => {
  const db = await worker.miniflare.getD1Database("DB");
  return Number(
    (await db.prepare("select count(*) as n from query_log").first<{ n: number }>())?.n,
  );
};

test("under workerd, a D1 query with parameters shows its rows and runs once for every session", async () => {
  for (const eventId of ["first", "second"]) {
    const messages = await post({ sessionId: null, lastRunId: null, eventId });
    expect(elementsOf(messages, "exception")).toEqual([]);
    expect(elementsOf(messages, "text").map((text) => text.body)).toEqual([
      JSON.stringify([{ region: "EU", total: 15.5 }]),
    ]);
    expect(elementsOf(messages, "dataframe")[0]?.rowCount).toBe(1);
  }
  expect(await loggedQueries()).toBe(1);
});

test("under workerd, a failing D1 query shows an error naming the connection", async () => {
  const first = await post({ sessionId: null, lastRunId: null, eventId: "open" });
  const start = first.find((m) => m.type === "start");
  const finish = first.findLast((m) => m.type === "finish");
  const checkbox = elementsOf(first, "checkbox")[0];
  const messages = await post({
    sessionId: start && "sessionId" in start ? start.sessionId : null,
    lastRunId: finish && "runId" in finish ? finish.runId : null,
    eventId: "tick",
    changes: [{ id: checkbox?.id, value: true }],
  });
  const [error] = elementsOf(messages, "exception");
  expect(error?.message).toMatch(
    /^st\.connection\("shop"\) \(d1\): .*no such table: no_such_table/,
  );
});
