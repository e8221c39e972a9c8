import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import counter from "../../../examples/counter/app.ts";
import { defineApp } from "../../../src/index.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  type ServerMessage,
} from "../../../src/protocol/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { postToServer } from "../../helpers/events.ts";

const post = (server: ReturnType<typeof createServer>, body: object) => postToServer(server, body);

const countOf = (messages: ServerMessage[]) =>
  messages
    .flatMap((m) => (m.type === "element" && m.kind === "metric" ? [m.props.value] : []))
    .at(-1);

test("a retried event (same eventId) is applied once; a new event applies again", async () => {
  const server = createServer({ app: counter, storage: createStorage() });
  const first = await post(server, { sessionId: null, lastRunId: null, eventId: "load" });
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const button = first.find((m) => m.type === "element" && m.kind === "button")!;
  const click = { id: (button as { props: { id: string } }).props.id, value: true };

  const session = { sessionId: start.sessionId, lastRunId: null };
  expect(countOf(await post(server, { ...session, eventId: "click-1", changes: [click] }))).toBe(
    "1",
  );
  // The answer was lost; the page retries the same event and must not count it again.
  expect(countOf(await post(server, { ...session, eventId: "click-1", changes: [click] }))).toBe(
    "1",
  );
  expect(countOf(await post(server, { ...session, eventId: "click-2", changes: [click] }))).toBe(
    "2",
  );
});

test("the page is served with its config, and unknown edgelit routes are 400", async () => {
  const server = createServer({
    app: counter,
    storage: createStorage(),
    assets: async (path) =>
      path === "/index.html"
        ? new Response(
            '<title>x</title><script type="application/json" id="edgelit-config">{}</script>',
          )
        : undefined,
  });
  const page = await (await server.fetch(new Request("http://app.test/"))).text();
  expect(page).toContain(
    '<script type="application/json" id="edgelit-config">{"title":"Counter · edgelit","dev":false,"transports":["sse","json"],"eventTimeoutMs":15000,"sessionTtlSeconds":3600}</script>',
  );
  expect(page).toContain("<title>Counter · edgelit</title>");
  expect((await server.fetch(new Request("http://app.test/_edgelit/nope"))).status).toBe(400);
  expect((await server.fetch(new Request("http://app.test/missing.js"))).status).toBe(404);
});

test("every event answer says nosniff: quick and streamed SSE, plain JSON, and refusals", async () => {
  const app = defineApp(async (st) => {
    if (st.checkbox("Slow")) await new Promise((done) => setTimeout(done, 80));
    st.text("done");
  });
  const server = createServer({ app, storage: createStorage(), maxEventBytes: 4096 });
  const post = (body: string, headers: Record<string, string> = {}) =>
    server.fetch(
      new Request(`http://app.test${ROUTES.event}`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1", ...headers },
        body,
      }),
    );
  const event = (fields: object) =>
    JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sessionId: null,
      lastRunId: null,
      eventId: crypto.randomUUID(),
      changes: [],
      ...fields,
    });

  const quick = await post(event({}));
  const start = (await quick.clone().text()).match(/"sessionId":"([^"]+)"/)![1]!;
  const box = (await quick.clone().text()).match(/"kind":"checkbox","props":\{"id":"([^"]+)"/)![1]!;
  const slow = await post(
    event({ sessionId: start, eventId: "slow", changes: [{ id: box, value: true }] }),
  );
  const answers = {
    quick,
    streamed: slow,
    json: await post(event({}), { accept: "application/json" }),
    "no client header": await post(event({}), { [CLIENT_HEADER]: "" }),
    "not JSON": await post("{"),
    "too large": await post(event({ padding: "x".repeat(5000) })),
    "unknown session": await post(event({ sessionId: "0".repeat(32) })),
  };
  expect(slow.headers.get("content-type")).toContain("text/event-stream");
  expect(await slow.text()).toContain("done");
  for (const [name, response] of Object.entries(answers)) {
    expect(
      response.headers.get("x-content-type-options"),
      `${name} (${response.status} ${response.headers.get("content-type")})`,
    ).toBe("nosniff");
    if (!response.bodyUsed) await response.body?.cancel();
  }
  expect(Object.values(answers).map((response) => response.status)).toEqual([
    200, 200, 200, 403, 400, 413, 404,
  ]);
});
