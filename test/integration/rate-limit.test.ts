// h3/node by name, as the Node adapter does: the server must be the Node build whatever the resolver prefers.
import { serve } from "h3/node";
import { createStorage } from "unstorage";
import { afterAll, describe, expect, test } from "vitest";
import { WebSocket } from "ws";
import counter from "../../examples/counter/app.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import { createServer, type ServerOptions } from "../../src/server/create-server.ts";
import { postEvent } from "../helpers/events.ts";
import { freePort, startEdgelit } from "../helpers/processes.ts";

/**
 * Per-client limits over real HTTP, with small limits and a clock the test
 * moves (the token buckets never see real time pass). Every request comes
 * from 127.0.0.1, a loopback address the limits leave alone; the clients are
 * the public addresses a trusted proxy names in X-Forwarded-For.
 */

const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
});

/** A server with these limits, on 127.0.0.1, and its clock (ms) to move. */
async function limitedServer(options: Partial<ServerOptions>) {
  const clock = { now: 1_000_000 };
  const edgelit = createServer({
    app: counter,
    storage: createStorage(),
    assets: async (path) =>
      path === "/index.html"
        ? new Response(
            '<title>x</title><script type="application/json" id="edgelit-config">{}</script>',
          )
        : undefined,
    rateLimitClock: () => clock.now,
    ...options,
  });
  const port = await freePort();
  const http = serve(edgelit.h3, {
    port,
    hostname: "127.0.0.1",
    silent: true,
    gracefulShutdown: false,
  });
  await http.ready();
  stops.push(() => http.close(true));
  const url = `http://127.0.0.1:${port}`;
  const page = (forwardedFor?: string) =>
    fetch(`${url}/`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  return { url, clock, page };
}

describe("requests per second", () => {
  test("past the limit a client gets 429 with retry-after and a message; other clients are unaffected; it refills", async () => {
    const { clock, page } = await limitedServer({
      rateLimitRequestsPerSecond: 2,
      trustProxy: true,
    });
    // A burst of twice the rate is allowed.
    for (let i = 0; i < 4; i++) expect((await page("203.0.113.1")).status).toBe(200);
    const refused = await page("203.0.113.1");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toEqual({
      error: {
        code: "too_many_requests",
        message: "Too many requests from your address; try again in 1 s.",
      },
    });
    expect((await page("203.0.113.2")).status).toBe(200);
    expect((await fetch(`${new URL(refused.url).origin}${ROUTES.health}`)).status).not.toBe(429);
    clock.now += 1000;
    expect((await page("203.0.113.1")).status).toBe(200);
    expect((await page("203.0.113.1")).status).toBe(200);
    expect((await page("203.0.113.1")).status).toBe(429);
  });

  test("without trustProxy X-Forwarded-For is ignored: the client is the connection's (loopback) address", async () => {
    const untrusting = await limitedServer({ rateLimitRequestsPerSecond: 2 });
    const trusting = await limitedServer({ rateLimitRequestsPerSecond: 2, trustProxy: true });
    for (let i = 0; i < 10; i++) expect((await untrusting.page("203.0.113.1")).status).toBe(200);
    // The same requests, where the proxy is trusted, are one public client's.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await trusting.page("203.0.113.1")).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });

  test("with a number of hops, only the addresses the trusted proxies appended count", async () => {
    const { page } = await limitedServer({ rateLimitRequestsPerSecond: 2, trustProxy: 1 });
    // The client writes a new address of its own each time; the proxy appends the real one.
    for (let i = 0; i < 4; i++)
      expect((await page(`198.51.100.${i}, 203.0.113.7`)).status).toBe(200);
    expect((await page("198.51.100.99, 203.0.113.7")).status).toBe(429);
    expect((await page("203.0.113.8")).status).toBe(200);
  });
});

describe("new sessions per minute", () => {
  test("past the limit a new session gets 429; the client's existing session still works", async () => {
    const { url, clock } = await limitedServer({
      rateLimitNewSessionsPerMinute: 2,
      trustProxy: true,
    });
    const from = { "x-forwarded-for": "203.0.113.20" };
    const first = await postEvent(url, { sessionId: null, lastRunId: null }, from);
    expect(first.status).toBe(200);
    expect((await postEvent(url, { sessionId: null, lastRunId: null }, from)).status).toBe(200);
    const refused = await fetch(url + ROUTES.event, {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1", ...from },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        sessionId: null,
        lastRunId: null,
        eventId: "e",
        changes: [],
      }),
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "Too many new sessions from your address; try again in 30 s.",
    );
    const sessionId = first.messages.find((m) => m.type === "start")!.sessionId;
    expect((await postEvent(url, { sessionId, lastRunId: null }, from)).status).toBe(200);
    const other = { "x-forwarded-for": "203.0.113.21" };
    expect((await postEvent(url, { sessionId: null, lastRunId: null }, other)).status).toBe(200);
    clock.now += 30_000;
    expect((await postEvent(url, { sessionId: null, lastRunId: null }, from)).status).toBe(200);
  });

  test("the limits and trustProxy are set by the CLI's flags and environment", async () => {
    const server = await startEdgelit({
      env: { EDGELIT_RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: "1" },
      extraArgs: ["--trust-proxy", "true"],
    });
    stops.push(() => server.stop());
    const from = { "x-forwarded-for": "203.0.113.30" };
    expect((await postEvent(server.url, { sessionId: null, lastRunId: null }, from)).status).toBe(
      200,
    );
    const refused = await postEvent(server.url, { sessionId: null, lastRunId: null }, from);
    expect(refused.status).toBe(429);
    expect(refused.error?.code).toBe("too_many_requests");
  });

  test("over the WebSocket, each event counts too: a second new session is refused with a message", async () => {
    const server = await startEdgelit({
      env: { EDGELIT_RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: "1" },
      extraArgs: ["--trust-proxy", "true"],
    });
    stops.push(() => server.stop());
    const socket = new WebSocket(server.url.replace(/^http/, "ws") + ROUTES.socket, {
      origin: server.url,
      headers: { "x-forwarded-for": "203.0.113.40" },
    });
    const answers: ServerMessage[][] = [];
    const received = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${count} answers in 10 s`)), 10_000);
        const check = () => {
          const ended = answers.filter((batch) =>
            batch.some((m) => m.type === "finish" || m.type === "error"),
          );
          if (ended.length >= count) {
            clearTimeout(timer);
            resolve();
          }
        };
        socket.on("message", (data) => {
          answers.push(JSON.parse(String(data)) as ServerMessage[]);
          check();
        });
      });
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    const bare = (eventId: string) =>
      JSON.stringify({
        type: "event",
        request: {
          protocol: PROTOCOL_VERSION,
          sessionId: null,
          lastRunId: null,
          eventId,
          changes: [],
        },
      });
    const both = received(2);
    socket.send(bare("one"));
    socket.send(bare("two"));
    await both;
    socket.close();
    const errors = answers.flat().filter((m) => m.type === "error");
    expect(errors).toEqual([
      {
        type: "error",
        code: "too_many_requests",
        message: "Too many new sessions from your address; try again in 60 s.",
      },
    ]);
    expect(answers.flat().filter((m) => m.type === "finish")).toHaveLength(1);
  });
});
