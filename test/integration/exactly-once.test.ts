import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ServerMessage } from "../../src/protocol/index.ts";
import { EventClient, postEvent } from "../helpers/events.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

const APP = "test/integration/fixtures/slow-click-app.ts";
let redis: Awaited<ReturnType<typeof startRedis>>;
let replicaA: Awaited<ReturnType<typeof startEdgelit>>;
let replicaB: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  redis = await startRedis();
  [replicaA, replicaB] = await Promise.all([startEdgelit({ app: APP, storage: redis.url }), startEdgelit({ app: APP, storage: redis.url })]);
});
afterAll(async () => {
  await Promise.all([replicaA?.stop(), replicaB?.stop()]);
  await redis?.stop();
});

const countIn = (messages: ServerMessage[]) =>
  messages.flatMap((m) => (m.type === "element" && m.kind === "metric" ? [m.props.value] : [])).at(-1);

/** One click event, as the page would send it (and resend it, with the same eventId). */
function clickOn(baseUrl: string, tab: EventClient, eventId: string) {
  return postEvent(baseUrl, { sessionId: tab.sessionId, lastRunId: null, eventId, changes: [{ id: tab.widgetId("button", "Slow add"), value: true }] });
}

test("the same event raced on two replicas is applied once: the loser is told to resend, and the resend changes nothing", async () => {
  const tab = new EventClient(replicaA.url);
  await tab.send();
  const first = clickOn(replicaA.url, tab, "race-1");
  await sleep(200);
  const second = clickOn(replicaB.url, tab, "race-1");
  const answers = [await first, await second];

  const finished = answers.filter((a) => a.messages.at(-1)?.type === "finish");
  const conflicted = answers.filter((a) => a.messages.some((m) => m.type === "error" && m.code === "conflict"));
  expect(finished).toHaveLength(1);
  expect(conflicted).toHaveLength(1);
  expect(countIn(finished[0]!.messages)).toBe("1");

  const resent = await clickOn(replicaB.url, tab, "race-1");
  expect(resent.messages.at(-1)?.type).toBe("finish");
  expect(countIn(resent.messages)).toBe("1");
  expect(countIn((await clickOn(replicaB.url, tab, "race-2")).messages)).toBe("2");
});

test("a replica killed mid-run loses nothing: the resend to another replica applies the click once", async () => {
  const tab = new EventClient(replicaA.url);
  await tab.send();
  const doomed = clickOn(replicaA.url, tab, "kill-1").then(() => "answered", () => "connection lost");
  await sleep(200);
  await replicaA.stop("SIGKILL");
  expect(await doomed).toBe("connection lost");

  const retried = await clickOn(replicaB.url, tab, "kill-1");
  expect(retried.messages.at(-1)?.type).toBe("finish");
  expect(countIn(retried.messages)).toBe("1");
  expect(countIn((await clickOn(replicaB.url, tab, "kill-2")).messages)).toBe("2");
});
