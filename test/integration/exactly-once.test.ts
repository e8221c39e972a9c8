import { afterAll, beforeAll, expect, test } from "vitest";
import type { ServerMessage } from "../../src/protocol/index.ts";
import { EventClient, streamEvent } from "../helpers/events.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

const APP = "test/integration/fixtures/slow-click-app.ts";
let redis: Awaited<ReturnType<typeof startRedis>>;
let replicaA: Awaited<ReturnType<typeof startEdgelit>>;
let replicaB: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  redis = await startRedis();
  [replicaA, replicaB] = await Promise.all([
    startEdgelit({ app: APP, storage: redis.url }),
    startEdgelit({ app: APP, storage: redis.url }),
  ]);
});
afterAll(async () => {
  await Promise.all([replicaA?.stop(), replicaB?.stop()]);
  await redis?.stop();
});

const countIn = (messages: ServerMessage[]) =>
  messages
    .flatMap((m) => (m.type === "element" && m.kind === "metric" ? [m.props.value] : []))
    .at(-1);

/** One click event, as the page would send it (and resend it, with the same eventId), read as it streams. */
function startClickOn(baseUrl: string, tab: EventClient, eventId: string) {
  return streamEvent(baseUrl, {
    sessionId: tab.sessionId,
    lastRunId: null,
    eventId,
    changes: [{ id: tab.widgetId("button", "Slow add"), value: true }],
  });
}
const clickOn = (baseUrl: string, tab: EventClient, eventId: string) =>
  startClickOn(baseUrl, tab, eventId).answer;

test("the same event raced on two replicas is applied once: the loser is told to resend, and the resend changes nothing", async () => {
  const tab = new EventClient(replicaA.url);
  await tab.send();
  const first = startClickOn(replicaA.url, tab, "race-1");
  // A has loaded the session and begun its 800 ms run: B loads the same version before A saves.
  await first.reached("start");
  const second = clickOn(replicaB.url, tab, "race-1");
  const answers = [await first.answer, await second];

  const finished = answers.filter((a) => a.messages.at(-1)?.type === "finish");
  const conflicted = answers.filter((a) =>
    a.messages.some((m) => m.type === "error" && m.code === "conflict"),
  );
  expect(finished).toHaveLength(1);
  expect(conflicted).toHaveLength(1);
  expect(countIn(finished[0]!.messages)).toBe("1");

  const resent = await clickOn(replicaB.url, tab, "race-1");
  expect(resent.messages.at(-1)?.type).toBe("finish");
  expect(countIn(resent.messages)).toBe("1");
  expect(countIn((await clickOn(replicaB.url, tab, "race-2")).messages)).toBe("2");
});

test("a numbered copy that comes late, after later events were saved, is not applied again", async () => {
  const tab = new EventClient(replicaA.url);
  await tab.send();
  const click = (baseUrl: string, n: number) =>
    streamEvent(baseUrl, {
      sessionId: tab.sessionId,
      lastRunId: null,
      eventId: `late-${n}`,
      seq: { tab: "m0.late", n },
      changes: [{ id: tab.widgetId("button", "Slow add"), value: true }],
    }).answer;
  expect(countIn((await click(replicaA.url, 1)).messages)).toBe("1");
  expect(countIn((await click(replicaB.url, 2)).messages)).toBe("2");
  // The first event's copy, as a replica that hung before reading it would run it now.
  const late = await click(replicaA.url, 1);
  expect(late.messages.at(-1)?.type).toBe("finish");
  expect(countIn(late.messages)).toBe("2");
  expect(countIn((await click(replicaB.url, 3)).messages)).toBe("3");
});

test("numbered carried events apply once: those at or below the mark are skipped, the rest applied in order", async () => {
  const tab = new EventClient(replicaA.url);
  await tab.send();
  const press = [{ id: tab.widgetId("button", "Slow add"), value: true }];
  const send = (n: number, carried: number[] = []) =>
    streamEvent(replicaB.url, {
      sessionId: tab.sessionId,
      lastRunId: null,
      eventId: `carry-${n}`,
      seq: { tab: "m1.carry", n },
      changes: press,
      carried: carried.map((c) => ({ eventId: `carry-${c}`, seq: c, changes: press })),
    }).answer;
  expect(countIn((await send(1)).messages)).toBe("1");
  // 2 was abandoned mid-run; 3 carries it.
  expect(countIn((await send(3, [2])).messages)).toBe("3");
  // 2's own copy arrives late: nothing to apply.
  expect(countIn((await send(2)).messages)).toBe("3");
  // 5 carries 3 (in already) and 4 (not yet).
  expect(countIn((await send(5, [3, 4])).messages)).toBe("5");
});

test("a replica killed mid-run loses nothing: the resend to another replica applies the click once", async () => {
  const tab = new EventClient(replicaA.url);
  await tab.send();
  const click = startClickOn(replicaA.url, tab, "kill-1");
  const doomed = click.answer.then(
    () => "answered",
    () => "connection lost",
  );
  // Killed mid-run: after A loaded the session, before its save 800 ms later.
  await click.reached("start");
  await replicaA.stop("SIGKILL");
  expect(await doomed).toBe("connection lost");

  const retried = await clickOn(replicaB.url, tab, "kill-1");
  expect(retried.messages.at(-1)?.type).toBe("finish");
  expect(countIn(retried.messages)).toBe("1");
  expect(countIn((await clickOn(replicaB.url, tab, "kill-2")).messages)).toBe("2");
});
