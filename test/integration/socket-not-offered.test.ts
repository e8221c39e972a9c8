import { resolve } from "node:path";
import { createStorage } from "unstorage";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import counter from "../../examples/counter/app.ts";
import { ROUTES } from "../../src/protocol/index.ts";
import { freePort } from "../helpers/processes.ts";

// A Node server whose transports leave the WebSocket out: an upgrade is answered 426 with a
// sentence over a real socket, and the page is not offered the transport.
let server: NodeServer;

beforeAll(async () => {
  server = await serveNode({
    app: counter,
    storage: createStorage(),
    clientDir: resolve(import.meta.dirname, "../../dist-client"),
    port: await freePort(),
    transports: ["sse", "json"],
  });
});
afterAll(async () => {
  await server?.close();
});

test("without the websocket transport, an upgrade gets 426 and a sentence saying to use HTTP", async () => {
  const socket = new WebSocket(server.url.replace(/^http/, "ws") + ROUTES.socket, {
    origin: server.url,
  });
  socket.on("error", () => {});
  const refusal = await new Promise<{ status?: number; body: string }>((done) => {
    socket.once("open", () => done({ body: "opened" }));
    socket.once("unexpected-response", (_request, response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += String(chunk)));
      response.on("end", () => done({ status: response.statusCode, body }));
    });
  });
  expect(refusal).toEqual({
    status: 426,
    body: "This server does not offer the WebSocket transport: send events over HTTP (POST /_edgelit/event).",
  });
  const page = await (await fetch(server.url)).text();
  expect(page).toContain('"transports":["sse","json"]');
});
