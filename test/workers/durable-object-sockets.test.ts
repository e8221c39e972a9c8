import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { Miniflare } from "miniflare";
import WebSocket from "ws";
import { afterAll, beforeAll, expect, test } from "vitest";
import { builtClientAssets, bundleWorker, moduleWorker } from "../helpers/worker.ts";
import {
  PROTOCOL_VERSION,
  ROUTES,
  applyServerMessage,
  createElementTree,
  type RerunRequest,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import { elementsIn, widgetIdIn } from "../helpers/events.ts";
import { launchBrowser, metricShows } from "../helpers/browser.ts";
import { tempDir } from "../helpers/processes.ts";

// The counter app as a Worker whose sessions and sockets live in Durable Objects, bundled by
// wrangler and run by workerd; the test speaks to it over a real WebSocket on loopback.
const FIXTURE = resolve(import.meta.dirname, "fixtures/durable-object-sockets");
const out = tempDir("edgelit-do-sockets-");
let miniflare: Miniflare;
let url: string;

beforeAll(async () => {
  const script = bundleWorker(out.path, resolve(FIXTURE, "wrangler.toml"));
  miniflare = new Miniflare({
    ...moduleWorker(script),
    unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
    durableObjects: {
      SESSIONS: { className: "EdgelitSessionStore", useSQLite: true },
      SOCKETS: { className: "EdgelitSockets", useSQLite: true },
    },
    assets: builtClientAssets(),
    cf: false,
  });
  await miniflare.ready;
  url = (await miniflare.unsafeGetDirectURL()).origin;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  out.remove();
  rmSync(resolve(FIXTURE, ".wrangler"), { recursive: true, force: true });
});

/** A tab on the WebSocket transport: sends whole events and reads each run to its end. */
class SocketTab {
  sessionId: string | null = null;
  lastRunId: string | null = null;
  tree = createElementTree();
  /** A tab id as the page makes one: base-36 time, a dot, random base-36 characters. */
  readonly tab = `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 12)}`;
  #pending: ServerMessage[] = [];
  #waiting: (() => void) | undefined;
  closed: Promise<{ code: number; reason: string }>;

  constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.#pending.push(...(JSON.parse(String(data)) as ServerMessage[]));
      this.#waiting?.();
    });
    this.closed = new Promise((done) =>
      socket.on("close", (code, reason) => {
        done({ code, reason: String(reason) });
        this.#waiting?.();
      }),
    );
  }

  static async open(): Promise<SocketTab> {
    const socket = new WebSocket(`${url.replace("http", "ws")}${ROUTES.socket}`, { origin: url });
    await new Promise((opened, failed) => {
      socket.once("open", opened);
      socket.once("error", failed);
    });
    return new SocketTab(socket);
  }

  /** Sends one event (`n` is its place in this tab's order) and reads its answer up to `finish` or an error. */
  async send(n: number, changes: RerunRequest["changes"] = [], eventId = `e${n}`) {
    const request: RerunRequest = {
      protocol: PROTOCOL_VERSION,
      sessionId: this.sessionId,
      lastRunId: this.lastRunId,
      eventId,
      seq: { tab: this.tab, n },
      changes,
    };
    this.socket.send(JSON.stringify({ type: "event", request }));
    const answer: ServerMessage[] = [];
    for (let read = 0; read < 1000; read++) {
      const message = this.#pending.shift();
      if (!message) {
        if (this.socket.readyState !== WebSocket.OPEN) throw new Error("the socket closed");
        await new Promise<void>((arrived) => (this.#waiting = arrived));
        continue;
      }
      answer.push(message);
      if (message.type === "start") this.sessionId = message.sessionId;
      applyServerMessage(this.tree, message);
      if (message.type === "finish") this.lastRunId = message.runId;
      if (message.type === "finish" || message.type === "error") return answer;
    }
    throw new Error("no end to the answer");
  }

  count() {
    return elementsIn(this.tree, "metric").find((props) => props.label === "Count")?.value;
  }

  click() {
    return [{ id: widgetIdIn(this.tree, "button", "Add one"), value: true }];
  }
}

test("under workerd, a page's WebSocket runs its events in a Durable Object: each click counts once", async () => {
  const page = await SocketTab.open();
  await page.send(1);
  expect(page.count()).toBe("0");
  for (let n = 2; n <= 4; n++) await page.send(n, page.click());
  expect(page.count()).toBe("3");

  // A late copy of an event already applied (a resend) is answered, never applied again.
  const late = await page.send(3, page.click(), "e3");
  expect(late.at(-1)?.type).toBe("finish");
  await page.send(5);
  expect(page.count()).toBe("3");

  // The same session on a new socket (another object) goes on from the store.
  const again = await SocketTab.open();
  again.sessionId = page.sessionId;
  await again.send(1);
  expect(again.count()).toBe("3");
  await again.send(2, again.click());
  expect(again.count()).toBe("4");
  page.socket.close();
  again.socket.close();
});

test("an event larger than maxEventBytes closes the socket with 1009 and a reason", async () => {
  const page = await SocketTab.open();
  await page.send(1);
  page.socket.send(JSON.stringify({ type: "event", padding: "x".repeat(5000) }));
  expect(await page.closed).toEqual({
    code: 1009,
    reason: "The event body is larger than 4096 bytes.",
  });
});

test("a WebSocket from another site's page is refused before any object holds it", async () => {
  const socket = new WebSocket(`${url.replace("http", "ws")}${ROUTES.socket}`, {
    origin: "https://elsewhere.example",
  });
  const status = await new Promise<number | undefined>((done) => {
    socket.once("unexpected-response", (_request, response) => done(response.statusCode));
    socket.once("open", () => done(undefined));
  });
  expect(status).toBe(403);
});

test("the page's config offers the WebSocket transport", async () => {
  const html = await (await fetch(url)).text();
  expect(html).toMatch(/"transports":\["sse","websocket","json"\]/);
});

test("in Chromium, the page on a Worker with sockets counts its clicks over the WebSocket", async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const sockets: string[] = [];
    page.on("websocket", (socket) => sockets.push(new URL(socket.url()).pathname));
    await page.goto(`${url}/?transport=websocket`);
    await metricShows(page, 0);
    const addOne = page.getByRole("button", { name: "Add one" });
    for (let click = 0; click < 3; click++) await addOne.click();
    await metricShows(page, 3);
    expect(await page.evaluate(() => document.documentElement.dataset.edgelitTransport)).toBe(
      "websocket",
    );
    expect(sockets).toContain(ROUTES.socket);
    await page.reload();
    await metricShows(page, 3);
    expect(page.errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
