import { request } from "node:http";
import { resolve } from "node:path";
import { createStorage } from "unstorage";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import counter from "../../examples/counter/app.ts";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../../src/protocol/index.ts";
import { freePort } from "../helpers/processes.ts";

/**
 * Issue 14, finding 8: DNS rebinding. A page on evil.example whose name
 * resolves to 127.0.0.1 reaches a developer's local server with
 * `Host: evil.example`; a server bound to loopback answers only to localhost
 * names, and one given `allowedHosts` only to those.
 */

const clientDir = resolve(import.meta.dirname, "../../dist-client");
let local: NodeServer;
let proxied: NodeServer;

beforeAll(async () => {
  local = await serveNode({
    app: counter,
    storage: createStorage(),
    clientDir,
    port: await freePort(),
  });
  proxied = await serveNode({
    app: counter,
    storage: createStorage(),
    clientDir,
    port: await freePort(),
    allowedHosts: ["app.example.com", ".apps.example.org"],
  });
});
afterAll(async () => {
  await Promise.all([local?.close(), proxied?.close()]);
});

/** One request with the Host header a browser would send for `host` (fetch cannot set Host). */
function send(
  server: NodeServer,
  host: string,
  options: { method?: string; path?: string; body?: string } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const outgoing = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: options.path ?? "/",
        method: options.method ?? "GET",
        headers: {
          host,
          ...(options.body !== undefined && {
            "content-type": "application/json",
            [CLIENT_HEADER]: "1",
          }),
        },
      },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => done({ status: response.statusCode!, body }));
      },
    );
    outgoing.on("error", fail);
    outgoing.end(options.body);
  });
}

const firstEvent = JSON.stringify({
  protocol: PROTOCOL_VERSION,
  sessionId: null,
  lastRunId: null,
  eventId: crypto.randomUUID(),
  changes: [],
});

test("a server bound to 127.0.0.1 refuses a rebound name, for the page and for events", async () => {
  const page = await send(local, "evil.example:8501");
  expect(page.status).toBe(403);
  expect(JSON.parse(page.body)).toEqual({
    error: {
      code: "forbidden",
      message:
        'This server does not answer to the host "evil.example". If that name is yours, add it to allowedHosts.',
    },
  });
  const event = await send(local, "evil.example", {
    method: "POST",
    path: ROUTES.event,
    body: firstEvent,
  });
  expect(event.status).toBe(403);
});

test("a server bound to 127.0.0.1 answers localhost, 127.0.0.1 and [::1], with any port", async () => {
  const port = new URL(local.url).port;
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, "app.localhost"])
    expect((await send(local, host)).status, host).toBe(200);
  const event = await send(local, `localhost:${port}`, {
    method: "POST",
    path: ROUTES.event,
    body: firstEvent,
  });
  expect(event.status).toBe(200);
  expect(event.body).toContain('"type":"finish"');
});

/** Opens the event socket as a page on `host` would (its Origin is that host too) and says what happened. */
function openSocket(server: NodeServer, host: string): Promise<string> {
  const url = server.url.replace(/^http/, "ws") + ROUTES.socket;
  return new Promise<string>((done) => {
    const socket = new WebSocket(url, { headers: { host, origin: `http://${host}` } });
    socket.on("open", () => {
      socket.close();
      done("opened");
    });
    socket.on("unexpected-response", (_request, response) =>
      done(`refused ${response.statusCode}`),
    );
    socket.on("error", (error) => done(`error ${error.message}`));
  });
}

test("a WebSocket from a page on a rebound name is refused before it opens; one from localhost opens", async () => {
  const port = new URL(local.url).port;
  expect(await openSocket(local, `localhost:${port}`)).toBe("opened");
  expect(await openSocket(local, `evil.example:${port}`)).toBe("refused 403");
});

test("allowedHosts names the hosts a proxied server answers to; a leading dot allows subdomains", async () => {
  expect((await send(proxied, "app.example.com")).status).toBe(200);
  expect((await send(proxied, "eu.apps.example.org")).status).toBe(200);
  expect((await send(proxied, "apps.example.org")).status).toBe(200);
  expect((await send(proxied, "evil.example")).status).toBe(403);
  expect((await send(proxied, "app.example.com.evil.example")).status).toBe(403);
  expect((await send(proxied, "localhost")).status).toBe(403);
});
