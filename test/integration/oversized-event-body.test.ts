// h3/node by name, as the Node adapter does: the server must be the Node build whatever the resolver prefers.
import { serve } from "h3/node";
import { Agent, request as httpRequest } from "node:http";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createStorage } from "unstorage";
import counter from "../../examples/counter/app.ts";
import { CLIENT_HEADER, ROUTES } from "../../src/protocol/index.ts";
import { createServer, type EdgelitServer } from "../../src/server/create-server.ts";
import type { EventClient } from "../helpers/events.ts";
import { freePort } from "../helpers/processes.ts";
import { click, clickBody, openCounter } from "./counter-tab.ts";

/**
 * The event body limit, with a small `maxEventBytes`: the server is created
 * in this process and served over real HTTP, which lets the test read the
 * stored record afterwards. The refused body is large (3 MiB) on purpose, so
 * that most of it is still unread when the server answers.
 */

const MAX_EVENT_BYTES = 2048;
let edgelit: EdgelitServer;
let httpServer: ReturnType<typeof serve>;
let url: string;

beforeAll(async () => {
  edgelit = createServer({
    app: counter,
    storage: createStorage(),
    maxEventBytes: MAX_EVENT_BYTES,
  });
  const port = await freePort();
  httpServer = serve(edgelit.h3, {
    port,
    hostname: "127.0.0.1",
    silent: true,
    gracefulShutdown: false,
  });
  await httpServer.ready();
  url = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await httpServer?.close(true);
});

function clickWithPadding(tab: EventClient, padding: number): string {
  return clickBody(tab, { padding: "x".repeat(padding) });
}

interface RawAnswer {
  status: number;
  text: string;
}

/**
 * Posts an event with node:http through `agent`, whose single keep-alive
 * socket every request shares: what one request leaves on the connection,
 * the next one meets. A streamed body has no content-length (chunked), so
 * only counting its bytes can catch it.
 */
function postOnConnection(
  agent: Agent,
  body: string,
  options: { streamed: boolean },
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const headers = {
      "content-type": "application/json",
      [CLIENT_HEADER]: "1",
      ...(!options.streamed && { "content-length": String(Buffer.byteLength(body)) }),
    };
    const request = httpRequest(
      url + ROUTES.event,
      { method: "POST", agent, headers, timeout: 10_000 },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, text }));
      },
    );
    // A failed connection is an answer too: the test shows its code.
    request.on("error", (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, text: error.code ?? error.message }),
    );
    request.on("timeout", () =>
      request.destroy(Object.assign(new Error("no answer in 10 s"), { code: "TIMEOUT" })),
    );
    if (!options.streamed) return request.end(body);
    Readable.from(
      (function* () {
        for (let offset = 0; offset < body.length; offset += 16_384)
          yield body.slice(offset, offset + 16_384);
      })(),
    ).pipe(request);
  });
}

test.each([
  { how: "declared in content-length", streamed: false },
  { how: "streamed without a length", streamed: true },
])(
  "a body over the limit, $how, is refused with 413; the session and the connection stay usable",
  async ({ streamed }) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const tab = await openCounter(url);
      await click(tab, "Add one");
      const before = await edgelit.sessions.load(tab.sessionId!);

      const refused = await postOnConnection(agent, clickWithPadding(tab, 3 * 1024 * 1024), {
        streamed,
      });
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.text)).toEqual({
        error: {
          code: "payload_too_large",
          message: `The event body is larger than ${MAX_EVENT_BYTES} bytes.`,
        },
      });
      expect(await edgelit.sessions.load(tab.sessionId!)).toEqual(before);

      // The next event on the same keep-alive connection is served as usual.
      const next = await postOnConnection(agent, clickWithPadding(tab, 0), { streamed: false });
      expect(next.status, `the event after the 413 failed: ${next.text}`).toBe(200);
      expect(next.text).toContain('"kind":"metric","props":{"label":"Count","value":"2"');
      expect((await edgelit.sessions.load(tab.sessionId!))?.session).toEqual({ count: 2 });
    } finally {
      agent.destroy();
    }
  },
);

test("a body of exactly the limit is accepted", async () => {
  const tab = await openCounter(url);
  const base = clickWithPadding(tab, 0).length;
  const response = await fetch(url + ROUTES.event, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: clickWithPadding(tab, MAX_EVENT_BYTES - base),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.text()).toContain('"kind":"metric","props":{"label":"Count","value":"1"');
});
