// The nginx configuration docs/deploy.md gives, run as written: nginx in front of
// two edgelit servers from the checkout that share a redis-server. Only what a
// test machine needs changes: the upstream ports, the listen address, and a
// header naming the replica that served each answer.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  applyServerMessage,
  createElementTree,
  createSseParser,
  type ServerMessage,
  type WidgetChange,
} from "../../src/protocol/index.ts";
import { elementsIn, widgetIdIn } from "../helpers/events.ts";
import { startNginxWith } from "../helpers/nginx.ts";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";

const GUIDE = resolve(import.meta.dirname, "../../docs/deploy.md");

/** The fenced nginx block that follows the guide's `nginx-guide` marker. */
function guideConfig(): string {
  const guide = readFileSync(GUIDE, "utf8");
  const block = guide.match(/<!-- nginx-guide:[^>]*-->\s*```nginx\n([\s\S]*?)\n```/)?.[1];
  if (!block) throw new Error("docs/deploy.md has no nginx block after its nginx-guide marker");
  return block;
}

/** The guide's block with its upstream servers on `ports` and its server listening on 127.0.0.1:`port`. */
function adaptGuideConfig(config: string, ports: number[], port: number): string {
  const servers = [...config.matchAll(/^(\s*)server 127\.0\.0\.1:\d+([^;]*);\n/gm)];
  const listens = config.match(/^\s*listen 80;$/gm) ?? [];
  const locations = config.match(/^\s*location \/ \{$/gm) ?? [];
  if (servers.length === 0 || listens.length !== 1 || locations.length !== 1)
    throw new Error(
      "the guide's nginx block lost its upstream servers, `listen 80;` or `location / {`",
    );
  const [first] = servers;
  const replicas = ports.map((p) => `${first![1]}server 127.0.0.1:${p}${first![2]};\n`).join("");
  let adapted = config.replace(first![0], replicas);
  for (const other of servers.slice(1)) adapted = adapted.replace(other[0], "");
  return adapted
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(
      /location \/ \{/,
      "location / {\n        add_header x-edgelit-upstream $upstream_addr always;",
    );
}

let redis: Awaited<ReturnType<typeof startRedis>>;
let replicas: Awaited<ReturnType<typeof startEdgelit>>[] = [];
let balancer: Awaited<ReturnType<typeof startNginxWith>>;
const gates = tempDir("edgelit-gate-");
const gate = join(gates.path, "open");

beforeAll(async () => {
  redis = await startRedis();
  const replica = () =>
    startEdgelit({
      app: "test/integration/fixtures/gated-run-app.ts",
      command: "start",
      storage: redis.url,
      env: { EDGELIT_TEST_GATE: gate },
    });
  replicas = await Promise.all([replica(), replica()]);
  const config = guideConfig();
  balancer = await startNginxWith((port) =>
    adaptGuideConfig(
      config,
      replicas.map((r) => r.port),
      port,
    ),
  );
}, 60_000);

afterAll(async () => {
  await balancer?.stop();
  await Promise.all(replicas.map((replica) => replica.stop()));
  await redis?.stop();
  gates.remove();
});

/** A tab talking to the balancer as the page does (same origin), reading each answer as it streams. */
class ProxiedTab {
  sessionId: string | null = null;
  lastRunId: string | null = null;
  tree = createElementTree();
  /** Which replica served each answer, in order. */
  upstreams: string[] = [];

  /** Posts one event; `onMessage` sees each message as it arrives, before the answer ends. */
  async send(changes: WidgetChange[] = [], onMessage?: (message: ServerMessage) => void) {
    const response = await fetch(balancer.url + ROUTES.event, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [CLIENT_HEADER]: "1",
        origin: balancer.url,
      },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        sessionId: this.sessionId,
        lastRunId: this.lastRunId,
        eventId: crypto.randomUUID(),
        changes,
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    this.upstreams.push(response.headers.get("x-edgelit-upstream") ?? "");
    const parse = createSseParser((message) => {
      if (message.type === "start") this.sessionId = message.sessionId;
      if (message.type === "finish") this.lastRunId = message.runId;
      applyServerMessage(this.tree, message);
      onMessage?.(message);
    });
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) parse(decoder.decode(chunk, { stream: true }));
    parse(decoder.decode());
  }

  /** The props of every element of one kind on the page, in document order. */
  elements(kind: string): Record<string, unknown>[] {
    return elementsIn(this.tree, kind);
  }

  widgetId(kind: string, label: string): string {
    return widgetIdIn(this.tree, kind, label);
  }
}

describe("the nginx configuration of docs/deploy.md, in front of two replicas sharing Redis", () => {
  test("an event's elements stream through it while the run is still going", async () => {
    const tab = new ProxiedTab();
    await tab.send();
    // The run waits for the gate after drawing its first line; the test opens
    // the gate only once that line has come through nginx. Held back, the line
    // would arrive with the end of a run that gave up waiting.
    mkdirSync(gates.path, { recursive: true });
    await tab.send([{ id: tab.widgetId("checkbox", "Hold"), value: true }], (message) => {
      if (message.type === "element" && JSON.stringify(message).includes("waiting for the gate"))
        writeFileSync(gate, "");
    });
    expect(tab.elements("text").map((props) => props.body)).toEqual([
      "waiting for the gate",
      "the gate opened",
    ]);
  });

  test("clicks alternate between the replicas, round robin, and none is lost", async () => {
    const tab = new ProxiedTab();
    await tab.send();
    const addOne = tab.widgetId("button", "Add one");
    for (let click = 0; click < 10; click++) await tab.send([{ id: addOne, value: true }]);
    expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "10" });
    const ports = new Set(replicas.map((replica) => `127.0.0.1:${replica.port}`));
    expect(new Set(tab.upstreams)).toEqual(ports);
    tab.upstreams.slice(1).forEach((upstream, i) => expect(upstream).not.toBe(tab.upstreams[i]));
    // A fresh look at what the store holds, from whichever replica comes next.
    tab.lastRunId = null;
    await tab.send();
    expect(tab.elements("metric")[0]).toMatchObject({ value: "10" });
  });

  test("the health check and WebSocket upgrades pass through", async () => {
    const health = await fetch(balancer.url + ROUTES.health);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const messages = await new Promise<ServerMessage[]>((done, fail) => {
      const socket = new WebSocket(balancer.url.replace(/^http/, "ws") + ROUTES.socket, {
        origin: balancer.url,
      });
      const received: ServerMessage[] = [];
      socket.on("error", fail);
      socket.on("unexpected-response", (_request, response) =>
        fail(new Error(`the upgrade was answered ${response.statusCode}`)),
      );
      socket.on("open", () =>
        socket.send(
          JSON.stringify({
            type: "event",
            request: {
              protocol: PROTOCOL_VERSION,
              sessionId: null,
              lastRunId: null,
              eventId: crypto.randomUUID(),
              changes: [],
            },
          }),
        ),
      );
      socket.on("message", (data) => {
        received.push(...(JSON.parse(String(data)) as ServerMessage[]));
        if (received.some((message) => message.type === "finish")) {
          socket.close();
          done(received);
        }
      });
    });
    expect(messages.map((message) => message.type)).toContain("start");
  });
});
