import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ServerMessage } from "../../src/protocol/index.ts";
import { postToWorker, startWorker, type WorkerFixture } from "../helpers/worker.ts";

/** Issue 15: st.dataEditor under workerd: an edit diff applies to an Arrow Table there. */

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/data-editor-worker.ts"),
    kvNamespaces: ["SESSIONS"],
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

const post = (body: object) => postToWorker(worker, body);

const texts = (messages: ServerMessage[]) =>
  messages.flatMap((m) => (m.type === "element" && m.kind === "text" ? [m.props.body] : []));

test("under workerd, an edit diff reaches the app as an edited Arrow Table; a refused one changes nothing", async () => {
  const first = await post({ sessionId: null, lastRunId: null, eventId: "load" });
  expect(first.filter((m) => m.type === "element" && m.kind === "exception")).toEqual([]);
  const editor = first.find((m) => m.type === "element" && m.kind === "dataEditor") as Extract<
    ServerMessage,
    { kind: "dataEditor" }
  >;
  expect(editor.props.rowCount).toBe(3);
  expect(editor.props.batches).toHaveLength(1);
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;

  const edited = await post({
    sessionId: start.sessionId,
    lastRunId: finish.runId,
    eventId: "edit",
    changes: [
      {
        id: editor.props.id,
        value: {
          editedRows: { "1": { planet: "Terra" } },
          addedRows: [{ planet: "Jupiter", moons: 95 }],
          deletedRows: [2],
        },
      },
    ],
  });
  expect(edited.filter((m) => m.type === "refused")).toEqual([]);
  expect(texts(edited)).toEqual([
    'planets [{"moons":2,"planet":"Mars"},{"moons":1,"planet":"Terra"},{"moons":95,"planet":"Jupiter"}] true',
  ]);

  const refused = await post({
    sessionId: start.sessionId,
    lastRunId: (edited.at(-1) as Extract<ServerMessage, { type: "finish" }>).runId,
    eventId: "bad",
    changes: [
      {
        id: editor.props.id,
        value: { editedRows: { "0": { moons: "two" } }, addedRows: [], deletedRows: [] },
      },
    ],
  });
  expect(
    refused.filter((m) => m.type === "refused").map((m) => (m as { message: string }).message),
  ).toEqual([
    'Refused a value for this dataEditor: edited row 0: column "moons" takes a number, got "two".',
  ]);
  expect(texts(refused)).toEqual([]);
});
