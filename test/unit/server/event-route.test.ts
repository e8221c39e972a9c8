import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import counter from "../../../examples/counter/app.ts";
import type { ServerMessage } from "../../../src/protocol/index.ts";
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
    '<script type="application/json" id="edgelit-config">{"title":"Counter · edgelit","dev":false,"transports":["sse","json"]}</script>',
  );
  expect(page).toContain("<title>Counter · edgelit</title>");
  expect((await server.fetch(new Request("http://app.test/_edgelit/nope"))).status).toBe(400);
  expect((await server.fetch(new Request("http://app.test/missing.js"))).status).toBe(404);
});
