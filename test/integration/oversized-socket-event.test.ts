import { resolve } from "node:path";
import { createStorage } from "unstorage";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import counter from "../../examples/counter/app.ts";
import { ROUTES, type ServerMessage } from "../../src/protocol/index.ts";
import { freePort } from "../helpers/processes.ts";
import { click, clickBody, countShown, openCounter } from "./counter-tab.ts";

/**
 * The event size limit on the WebSocket transport, with a small
 * `maxEventBytes`: the same limit as a POSTed event, over a real socket to
 * the Node adapter, whose `ws` server would otherwise take 100 MiB.
 */

const MAX_EVENT_BYTES = 2048;
let server: NodeServer;

beforeAll(async () => {
  server = await serveNode({
    app: counter,
    storage: createStorage(),
    clientDir: resolve(import.meta.dirname, "../../dist-client"),
    port: await freePort(),
    maxEventBytes: MAX_EVENT_BYTES,
  });
});
afterAll(async () => {
  await server?.close();
});

interface SocketOutcome {
  messages: ServerMessage[];
  closed?: { code: number; reason: string };
}

/** Opens a socket as the page does, sends `body` as one event, and collects what comes back until it closes or finishes. */
function sendOverSocket(body: string): Promise<SocketOutcome> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(server.url.replace(/^http/, "ws") + ROUTES.socket, {
      origin: server.url,
    });
    const outcome: SocketOutcome = { messages: [] };
    const timer = setTimeout(() => fail(new Error("no close and no finish in 10 s")), 10_000);
    // A socket the server closes while a large message is still going out may also report a write error.
    socket.on("error", () => {});
    socket.on("open", () =>
      socket.send(JSON.stringify({ type: "event", request: JSON.parse(body) })),
    );
    socket.on("message", (data) => {
      outcome.messages.push(...(JSON.parse(String(data)) as ServerMessage[]));
      if (outcome.messages.some((m) => m.type === "finish" || m.type === "error")) socket.close();
    });
    socket.on("close", (code, reason) => {
      clearTimeout(timer);
      if (code !== 1000 && code !== 1005) outcome.closed = { code, reason: String(reason) };
      done(outcome);
    });
  });
}

test.each([
  {
    how: "over the limit",
    padding: MAX_EVENT_BYTES,
    reason: `The event body is larger than ${MAX_EVENT_BYTES} bytes.`,
  },
  // Far over it, ws stops reading at its own cap (twice the limit) and gives no reason.
  { how: "of 3 MiB", padding: 3 * 1024 * 1024, reason: "" },
])(
  "a WebSocket event $how closes the socket with 1009, saves nothing, and other events are served",
  async ({ padding, reason }) => {
    const tab = await openCounter(server.url);
    await click(tab, "Add one");
    const before = await server.edgelit.sessions.load(tab.sessionId!);

    const refused = await sendOverSocket(clickBody(tab, { padding: "x".repeat(padding) }));
    expect(refused.messages).toEqual([]);
    expect(refused.closed).toEqual({ code: 1009, reason });
    expect(await server.edgelit.sessions.load(tab.sessionId!)).toEqual(before);

    // The same tab's next event, over a new socket, and another session over HTTP, are served.
    const next = await sendOverSocket(clickBody(tab));
    expect(next.closed).toBeUndefined();
    expect(next.messages.at(-1)?.type).toBe("finish");
    expect((await server.edgelit.sessions.load(tab.sessionId!))?.session).toEqual({ count: 2 });
    const other = await openCounter(server.url);
    await click(other, "Add one");
    expect(countShown(other)).toBe("1");
  },
);

test("a WebSocket event of exactly the limit is served", async () => {
  const tab = await openCounter(server.url);
  const wrapped = (padding: number) =>
    JSON.stringify({
      type: "event",
      request: JSON.parse(clickBody(tab, { padding: "x".repeat(padding) })),
    }).length;
  const padding = MAX_EVENT_BYTES - wrapped(0);
  expect(wrapped(padding)).toBe(MAX_EVENT_BYTES);
  const answer = await sendOverSocket(clickBody(tab, { padding: "x".repeat(padding) }));
  expect(answer.closed).toBeUndefined();
  expect(answer.messages.at(-1)?.type).toBe("finish");
});
