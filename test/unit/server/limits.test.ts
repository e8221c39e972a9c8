import { createStorage } from "unstorage";
import { expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { PROTOCOL_VERSION } from "../../../src/protocol/index.ts";
import { createServer } from "../../../src/server/create-server.ts";
import { postToServer } from "../../helpers/events.ts";

const exceptionsIn = (messages: Awaited<ReturnType<typeof postToServer>>) =>
  messages.flatMap((m) =>
    m.type === "element" && m.kind === "exception" ? [m.props.message] : [],
  );

test("a run past its time limit stops at its next st.* call, with a clear error in the page", async () => {
  const app = defineApp(async (st) => {
    for (let i = 0; ; i++) {
      st.text(`tick ${i}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  });
  const server = createServer({ app, storage: createStorage(), maxRunSeconds: 0.3 });
  const messages = await postToServer(server, { sessionId: null, lastRunId: null, eventId: "e" });
  expect(exceptionsIn(messages)).toEqual([
    "This run took longer than 0.3 s, the server's limit (maxRunSeconds), and was stopped.",
  ]);
  expect(messages.at(-1)?.type).toBe("finish");
});

test("a script that never awaits (and so runs with no deadline timer) is still stopped at its first st.* call past the limit", async () => {
  const app = defineApp((st) => {
    st.text("before");
    const busyUntil = performance.now() + 500;
    while (performance.now() < busyUntil) {
      // synchronous work past the limit
    }
    st.text("after");
  });
  const server = createServer({ app, storage: createStorage(), maxRunSeconds: 0.3 });
  const messages = await postToServer(server, { sessionId: null, lastRunId: null, eventId: "e" });
  expect(exceptionsIn(messages)).toEqual([
    "This run took longer than 0.3 s, the server's limit (maxRunSeconds), and was stopped.",
  ]);
  const texts = messages.flatMap((m) =>
    m.type === "element" && m.kind === "text" ? [m.props.body] : [],
  );
  expect(texts).toEqual(["before"]);
  expect(messages.at(-1)?.type).toBe("finish");
});

test("a script stuck in an await is stopped at the limit too, and the session is saved", async () => {
  const app = defineApp(async (st) => {
    st.session.visits = (st.session.visits ?? 0) + 1;
    st.write(`visit ${st.session.visits}`);
    await new Promise(() => {});
  });
  const server = createServer({ app, storage: createStorage(), maxRunSeconds: 0.3 });
  const first = await postToServer(server, { sessionId: null, lastRunId: null, eventId: "a" });
  expect(exceptionsIn(first)).toEqual([
    "This run took longer than 0.3 s, the server's limit (maxRunSeconds), and was stopped.",
  ]);
  const start = first[0] as { sessionId: string };
  const second = await postToServer(server, {
    sessionId: start.sessionId,
    lastRunId: null,
    eventId: "b",
  });
  expect(
    second.some((m) => m.type === "element" && m.kind === "markdown" && m.props.body === "visit 2"),
  ).toBe(true);
});

test("an element larger than maxMessageBytes is shown as an error in its place; the rest of the page is sent", async () => {
  const app = defineApp((st) => {
    st.text("small");
    st.json({ rows: Array.from({ length: 2000 }, (_, i) => ({ i, label: `row ${i}` })) });
    st.text("after");
  });
  const server = createServer({ app, storage: createStorage(), maxMessageBytes: 10_000 });
  const messages = await postToServer(server, { sessionId: null, lastRunId: null, eventId: "e" });
  const kinds = messages.flatMap((m) => (m.type === "element" ? [m.kind] : []));
  expect(kinds).toEqual(["text", "exception", "text"]);
  expect(exceptionsIn(messages)[0]).toMatch(
    /^This json is \d+ KB, over the 10 KB the server sends at once \(maxMessageBytes\)\./,
  );
});

test("a long run's stream carries heartbeats between its messages", async () => {
  const app = defineApp(async (st) => {
    st.text("before the pause");
    await new Promise((done) => setTimeout(done, 400));
    st.text("after the pause");
  });
  const server = createServer({ app, storage: createStorage(), heartbeatSeconds: 0.05 });
  const response = await server.fetch(
    new Request("http://app.test/_edgelit/event", {
      method: "POST",
      headers: { "content-type": "application/json", "x-edgelit": "1" },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        sessionId: null,
        lastRunId: null,
        eventId: "e",
        changes: [],
      }),
    }),
  );
  const text = await response.text();
  const between = text.slice(text.indexOf("before the pause"), text.indexOf("after the pause"));
  expect(between.split(": heartbeat").length - 1).toBeGreaterThanOrEqual(2);
});
