import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { ROUTES } from "../../../src/protocol/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { postToServer } from "../../helpers/events.ts";

const ROWS = 70_000; // two batches
const app = defineApp((st) => {
  st.dataframe({
    n: Float64Array.from({ length: ROWS }, (_, i) => (i * 7919) % ROWS),
    word: Array.from({ length: ROWS }, (_, i) => (i % 3 === 0 ? null : `w${i % 10}`)),
  });
});

/** Two replicas on one store: one draws the frame (storing its batches), the other sorts it. */
async function twoReplicas() {
  const storage = createStorage();
  const drawing = createServer({ app, storage, mediaSecret: "s".repeat(32) });
  const sorting = createServer({ app, storage, mediaSecret: "s".repeat(32) });
  const messages = await postToServer(drawing, {
    sessionId: null,
    lastRunId: null,
    eventId: "1",
    url: "/",
  });
  const element = messages.find(
    (message) => message.type === "element" && message.kind === "dataframe",
  );
  const batches = (element as { props: { batches: string[] } }).props.batches;
  const ask = (body: unknown) =>
    sorting.fetch(
      new Request(`http://app.test${ROUTES.frameOrder}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    );
  const order = async (column: string, descending: boolean) => {
    const answer = (await (await ask({ batches, column, descending })).json()) as {
      order: string;
      rows: number;
    };
    const media = await sorting.fetch(new Request(`http://app.test${ROUTES.media}${answer.order}`));
    return { answer, rows: new Int32Array(await media.arrayBuffer()) };
  };
  return { storage, batches, ask, order };
}

test("another replica sorts a stored frame from its batches; the order is kept and asked again for nothing", async () => {
  const { batches, order, storage } = await twoReplicas();
  expect(batches).toHaveLength(2);
  const { answer, rows } = await order("n", true);
  expect(answer.rows).toBe(ROWS);
  expect(rows).toHaveLength(ROWS);
  // n is a permutation of 0..ROWS-1: descending starts at the row holding ROWS - 1.
  const valueAt = (row: number) => (row * 7919) % ROWS;
  expect(valueAt(rows[0]!)).toBe(ROWS - 1);
  expect(valueAt(rows[ROWS - 1]!)).toBe(0);
  expect(new Set(rows).size).toBe(ROWS);
  // Empty cells go last, whatever the direction; text by its collation.
  const words = await order("word", false);
  const word = (row: number) => (row % 3 === 0 ? null : `w${row % 10}`);
  expect(word(words.rows[0]!)).toBe("w0");
  expect(word(words.rows[ROWS - 1]!)).toBeNull();
  // The same sort again: the same stored order.
  const keys = (await storage.getKeys()).filter((key) => key.includes("frame-order")).length;
  expect((await order("n", true)).answer.order).toBe(answer.order);
  expect((await storage.getKeys()).filter((key) => key.includes("frame-order")).length).toBe(keys);
});

test("a request that names no stored frame, an unknown column or a malformed body is refused", async () => {
  const { batches, ask } = await twoReplicas();
  const refused = async (body: unknown, status: number, message: string) => {
    const response = await ask(body);
    expect(response.status).toBe(status);
    expect(JSON.stringify(await response.json())).toContain(message);
  };
  await refused({ batches, column: "nope", descending: false }, 400, 'no column \\"nope\\"');
  await refused({ batches: ["0".repeat(32)], column: "n", descending: false }, 404, "not stored");
  await refused({ batches: ["../etc"], column: "n", descending: false }, 400, "media ids");
  await refused({ batches, column: "n" }, 400, "descending");
  await refused("not an object", 400, "batches");
});
