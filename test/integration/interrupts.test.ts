import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  type CarriedEvent,
  type WidgetChange,
} from "../../src/protocol/index.ts";
import { EventClient, postEvent, streamEvent } from "../helpers/events.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";

let redisServer: Awaited<ReturnType<typeof startRedis>>;
let server: Awaited<ReturnType<typeof startEdgelit>>;
let redis: Redis;

beforeAll(async () => {
  redisServer = await startRedis();
  server = await startEdgelit({
    app: "test/integration/fixtures/slow-steps-app.ts",
    storage: redisServer.url,
  });
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
  await redisServer?.stop();
});

const stored = async (sessionId: string) =>
  JSON.parse((await redis.get(`edgelit:session:${sessionId}`))!).json as {
    version: number;
    lastEventId: string;
    session: Record<string, number>;
  };
const metric = (tab: EventClient) => tab.elements("metric")[0]?.value;

/** Opens a tab with "Slow" ticked (its own run is slow, so it is awaited in full). */
async function slowTab(): Promise<EventClient> {
  const tab = new EventClient(server.url);
  await tab.send();
  await tab.send([{ id: tab.widgetId("checkbox", "Slow"), value: true }]);
  return tab;
}

/** Starts an event, reads its stream until the run has begun, then leaves, as the page does when the user acts again. */
async function startThenAbandon(
  tab: EventClient,
  eventId: string,
  changes: WidgetChange[],
): Promise<void> {
  const abort = new AbortController();
  const response = await fetch(server.url + ROUTES.event, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sessionId: tab.sessionId,
      lastRunId: tab.lastRunId,
      eventId,
      changes,
    }),
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  expect(first).toContain('"type":"start"');
  abort.abort();
}

test("a run whose page left stops at its next st.* call and saves nothing; the carried click then counts once", async () => {
  const tab = await slowTab();
  const before = await stored(tab.sessionId!);
  const click = { id: tab.widgetId("button", "Add one"), value: true };

  await startThenAbandon(tab, "first-click", [click]);
  // Events of one session run one at a time in a server, so the next one loads the
  // session only once the abandoned run has ended: its start shows what that run left.
  const carried: CarriedEvent[] = [{ eventId: "first-click", changes: [click] }];
  const next = streamEvent(server.url, {
    sessionId: tab.sessionId,
    lastRunId: null,
    eventId: "second-click",
    changes: [click],
    carried,
  });
  const start = await next.reached("start");
  // A run's id is the version it saves: this one follows the record as it was before the abandoned click.
  expect(start.runId).toBe((before.version + 1).toString(36));

  const answer = await next.answer;
  expect(answer.messages.at(-1)?.type).toBe("finish");
  const final = await stored(tab.sessionId!);
  // Two clicks of one button cannot share a run: the carried one replays first, then the new one.
  expect(final.session.count).toBe(2);
  expect(final.session.runs).toBe(before.session.runs! + 2);
});

test("a carried event the server already applied is not applied again", async () => {
  const tab = new EventClient(server.url);
  await tab.send();
  const click = { id: tab.widgetId("button", "Add one"), value: true };
  await postEvent(server.url, {
    sessionId: tab.sessionId,
    lastRunId: null,
    eventId: "applied",
    changes: [click],
  });
  expect((await stored(tab.sessionId!)).session.count).toBe(1);

  // The page never saw that answer finish, so it carries the event along with a new click.
  await postEvent(server.url, {
    sessionId: tab.sessionId,
    lastRunId: null,
    eventId: "next",
    changes: [click],
    carried: [{ eventId: "applied", changes: [click] }],
  });
  expect((await stored(tab.sessionId!)).session.count).toBe(2);
});

test("carried values and new values share one run, the newest winning", async () => {
  const tab = new EventClient(server.url);
  await tab.send();
  const step = tab.widgetId("slider", "Step");
  const answer = await postEvent(server.url, {
    sessionId: tab.sessionId,
    lastRunId: null,
    eventId: "five",
    changes: [{ id: step, value: 5 }],
    carried: [{ eventId: "three", changes: [{ id: step, value: 3 }] }],
  });
  const bodies = answer.messages.flatMap((m) =>
    m.type === "element" && m.kind === "markdown" ? [m.props.body] : [],
  );
  expect(bodies).toEqual(["step 5"]);
  const record = await stored(tab.sessionId!);
  expect(record.session.runs).toBe(2);
  expect(metric(tab)).toBe("0");
});
