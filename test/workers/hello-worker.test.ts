import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { builtClientAssets, bundleWorker, moduleWorker } from "../helpers/worker.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  UPLOAD_SESSION_HEADER,
  UPLOAD_URL_HEADER,
  createSseParser,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import { tempDir } from "../helpers/processes.ts";
import { largeFileBytes } from "../integration/media/large-files.ts";

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
  expect(page).toContain(
    '{"title":"Hello · edgelit","dev":false,"transports":["sse","json"],"eventTimeoutMs":15000,"sessionTtlSeconds":3600}',
  );
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

test("under workerd with KV, a WebSocket upgrade gets 426 with a sentence (the page is never offered one)", async () => {
  const response = await miniflare.dispatchFetch(`http://localhost${ROUTES.socket}`, {
    headers: { upgrade: "websocket", connection: "Upgrade", origin: "http://localhost" },
  });
  expect(response.status).toBe(426);
  expect(await response.text()).toBe(
    "This server does not offer the WebSocket transport: send events over HTTP (POST /_edgelit/event).",
  );
});

test("under workerd, every page path gets the page with its config; edgelit routes and assets are not swallowed", async () => {
  for (const path of ["/settings", "/reports/yearly/", "/search?q=owl"]) {
    const response = await miniflare.dispatchFetch(`http://localhost${path}`);
    expect(response.status, path).toBe(200);
    expect(await response.text(), path).toContain(
      '{"title":"Hello · edgelit","dev":false,"transports":["sse","json"],"eventTimeoutMs":15000,"sessionTtlSeconds":3600}',
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

test("under workerd with KV, an uploaded video is stored in chunks, shown without being read, and served by ranges", async () => {
  const load = await post({ sessionId: null, lastRunId: null, eventId: "media", url: "/media" });
  const start = load[0] as Extract<ServerMessage, { type: "start" }>;
  const uploader = load.find(
    (m) => m.type === "element" && m.kind === "fileUploader" && m.props.label === "A video to play",
  ) as Extract<ServerMessage, { kind: "fileUploader" }>;
  // Five chunks of 256 KiB and a bit: ranges and the whole file cross chunk ends.
  const size = 5 * 256 * 1024 + 1000;
  const video = largeFileBytes(0, size);
  const form = new FormData();
  form.append(
    "file",
    new Blob([video as Uint8Array<ArrayBuffer>], { type: "video/mp4" }),
    "clip.mp4",
  );
  const encoded = new Request("http://encode.test/", { method: "POST", body: form });
  const body = new Uint8Array(await encoded.arrayBuffer());
  const uploaded = await miniflare.dispatchFetch(
    `http://localhost${ROUTES.upload}?widget=${encodeURIComponent(uploader.props.id)}`,
    {
      method: "POST",
      headers: {
        [CLIENT_HEADER]: "1",
        [UPLOAD_SESSION_HEADER]: start.sessionId,
        // The page the upload widget is on, as the page sends it (a never-saved session redraws it).
        [UPLOAD_URL_HEADER]: "/media",
        "content-type": encoded.headers.get("content-type")!,
        "content-length": String(body.length),
      },
      body,
    },
  );
  expect(uploaded.status, await uploaded.clone().text()).toBe(200);
  const file = ((await uploaded.json()) as { files: { id: string; type: string }[] }).files[0]!;
  expect(file.type).toBe("video/mp4");
  const kv = (await miniflare.getKVNamespace("SESSIONS")) as unknown as {
    list(options: { prefix: string }): Promise<{ keys: { name: string }[] }>;
  };
  const chunks = await kv.list({ prefix: `edgelit:chunks:upload:${start.sessionId}:${file.id}:` });
  expect(chunks.keys).toHaveLength(6);

  const shown = await post({
    sessionId: start.sessionId,
    lastRunId: (load.at(-1) as Extract<ServerMessage, { type: "finish" }>).runId,
    eventId: "hold",
    url: "/media",
    changes: [{ id: uploader.props.id, value: [file.id] }],
  });
  const player = shown.find((m) => m.type === "element" && m.kind === "video") as Extract<
    ServerMessage,
    { kind: "video" }
  >;
  expect(player.props.src).toMatch(/^\/_edgelit\/media\/[0-9a-f]{32}$/);
  const at = 3 * 256 * 1024 - 2;
  const range = await miniflare.dispatchFetch(`http://localhost${player.props.src}`, {
    headers: { range: `bytes=${at}-${at + 9}` },
  });
  expect(range.status).toBe(206);
  expect(range.headers.get("content-range")).toBe(`bytes ${at}-${at + 9}/${size}`);
  expect([...new Uint8Array(await range.arrayBuffer())]).toEqual([...video.subarray(at, at + 10)]);
  const whole = new Uint8Array(
    await (await miniflare.dispatchFetch(`http://localhost${player.props.src}`)).arrayBuffer(),
  );
  expect(Buffer.from(whole).equals(Buffer.from(video))).toBe(true);
});
