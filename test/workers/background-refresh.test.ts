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

/** refresh: "background" under workerd: the stale result at once, the fresh one on a later event. */

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/background-refresh-worker.ts"),
    kvNamespaces: ["SESSIONS"],
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

/** The text a new tab shows. */
async function shown(eventId: string): Promise<string> {
  const response = (await worker.miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({
      protocol: PROTOCOL_VERSION,
      changes: [],
      sessionId: null,
      lastRunId: null,
      eventId,
    }),
  })) as unknown as Response;
  expect(response.status).toBe(200);
  const messages: ServerMessage[] = [];
  createSseParser((message) => messages.push(message))(await response.text());
  const texts = messages.flatMap((m) =>
    m.type === "element" && m.kind === "text" ? [m.props.body] : [],
  );
  expect(texts).toHaveLength(1);
  return texts[0]!;
}

const pause = () => new Promise((done) => setTimeout(done, 100));

test("under workerd, a stale result is shown at once and the refreshed one on a later event", async () => {
  expect(await shown("first")).toBe("edition 1");
  // Wait (bounded) until the 0.2 s ttl has passed: the answer is then the stale edition.
  let answer = "edition 1";
  let tries = 0;
  for (; answer === "edition 1" && tries < 50; tries++) {
    await pause();
    answer = await shown(`poll ${tries}`);
  }
  // Every answer was the stale edition or the refreshed one, never a wait for a new computation
  // that skipped one: the refresh after a stale answer completed within that request's waitUntil.
  expect(answer).toBe("edition 2");
});
