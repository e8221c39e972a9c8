import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { builtClientAssets, bundleWorker, moduleWorker } from "../helpers/worker.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  createSseParser,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import { tempDir } from "../helpers/processes.ts";

// The Worker that wrangler.toml deploys, bundled by wrangler and run by workerd.
const out = tempDir("edgelit-worker-");
let miniflare: Miniflare;

beforeAll(async () => {
  const script = bundleWorker(out.path);
  miniflare = new Miniflare({
    ...moduleWorker(script),
    kvNamespaces: ["SESSIONS"],
    assets: builtClientAssets(),
    cf: false,
  });
  await miniflare.ready;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  out.remove();
});

async function post(body: object): Promise<ServerMessage[]> {
  const response = await miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, changes: [], ...body }),
  });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const messages: ServerMessage[] = [];
  createSseParser((m) => messages.push(m))(await response.text());
  return messages;
}

test("under workerd, the hello Worker runs events and keeps its sessions in KV", async () => {
  const first = await post({ sessionId: null, lastRunId: null, eventId: "load" });
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;
  expect(start).toMatchObject({ type: "start", reset: true });
  expect(finish.type).toBe("finish");
  const menu = first.find((m) => m.type === "element" && m.kind === "navigation") as Extract<
    ServerMessage,
    { kind: "navigation" }
  >;
  expect(menu.props.sections.flatMap((section) => section.pages.map((p) => p.href))).toContain(
    "/state",
  );

  // Typed by hand: the Workers type package is not a dependency.
  const kv = (await miniflare.getKVNamespace("SESSIONS")) as unknown as {
    list(): Promise<{ keys: { name: string }[] }>;
  };
  const stored = async () => (await kv.list()).keys.map((key) => key.name);
  // The welcome page holds nothing: its first visit stores no session.
  expect(await stored()).not.toContain(`edgelit:session:${start.sessionId}`);

  // Move to the "State" page: the next event continues the session, which then holds values.
  const next = await post({
    sessionId: start.sessionId,
    lastRunId: finish.runId,
    eventId: "state",
    url: "/state",
  });
  expect(next[0]).toMatchObject({ type: "start", reset: false });
  const headings = next.flatMap((m) =>
    m.type === "element" && m.kind === "heading" ? [m.props.body] : [],
  );
  expect(headings).toContain("State");
  expect(next.filter((m) => m.type === "element" && m.kind === "exception")).toEqual([]);
  // Its cacheData call found the Worker's store.
  expect(
    next.some(
      (m) => m.type === "element" && m.kind === "markdown" && m.props.body.startsWith("12² = 144"),
    ),
  ).toBe(true);
  expect(next.at(-1)?.type).toBe("finish");
  expect(await stored()).toContain(`edgelit:session:${start.sessionId}`);
});

test("under workerd, the page carries its config and unknown sessions are refused", async () => {
  const page = await (await miniflare.dispatchFetch("http://localhost/")).text();
  expect(page).toContain('{"title":"Hello · edgelit","dev":false,"transports":["sse","json"]}');
  const script = page.match(/\/assets\/[^"]+\.js/)?.[0];
  const asset = await miniflare.dispatchFetch(`http://localhost${script}`);
  expect(asset.status).toBe(200);
  expect(await asset.text()).toContain("edgelit");
  const response = await miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sessionId: "0".repeat(32),
      lastRunId: null,
      eventId: "x",
      changes: [],
    }),
  });
  expect(response.status).toBe(404);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
    "session_expired",
  );
});

test("under workerd, every page path gets the page with its config; edgelit routes and assets are not swallowed", async () => {
  for (const path of ["/settings", "/reports/yearly/", "/search?q=owl"]) {
    const response = await miniflare.dispatchFetch(`http://localhost${path}`);
    expect(response.status, path).toBe(200);
    expect(await response.text(), path).toContain(
      '{"title":"Hello · edgelit","dev":false,"transports":["sse","json"]}',
    );
  }
  expect((await miniflare.dispatchFetch("http://localhost/_edgelit/nope")).status).toBe(400);
  expect((await miniflare.dispatchFetch("http://localhost/assets/missing.js")).status).toBe(404);
  // An event names the page's URL; an app that writes no query params leaves it as it is.
  const messages = await post({
    sessionId: null,
    lastRunId: null,
    eventId: "with-url",
    url: "/text?q=1",
  });
  expect(messages.at(-1)?.type).toBe("finish");
  expect(messages.some((m) => m.type === "url")).toBe(false);
});
