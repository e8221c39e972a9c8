import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { createStorage, type Storage } from "unstorage";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { serveNode, type NodeServer } from "../../adapters/node/serve.ts";
import mediaApp, { noisePng } from "./fixtures/media-app.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  UPLOAD_SESSION_HEADER,
  createSseParser,
  type ServerMessage,
} from "../../src/protocol/index.ts";
import type { EventClient } from "../helpers/events.ts";
import { Fuzz, deeplyNestedJson, lookalikeIds } from "../helpers/fuzz.ts";
import { freePort } from "../helpers/processes.ts";
import { fetchBytes, imagesShown, openMediaTab, upload, uploaderId } from "./media/media-tab.ts";

/**
 * Issue 14: mutated real requests to the event, upload, media and WebSocket
 * endpoints get a 4xx (or a normal answer), never a 5xx, an internal error
 * or a hang; and the sessions, uploads and media that real tabs made before
 * are exactly as they were. Seeded: EDGELIT_FUZZ_SEED=<n> replays one seed.
 */

const SEEDS = process.env.EDGELIT_FUZZ_SEED ? [Number(process.env.EDGELIT_FUZZ_SEED)] : [1, 2];
const CASES = { event: 120, upload: 60, media: 60, socket: 30 };
/** Longer than any answer here needs: a request still open after it is a hang. */
const HANG_MS = 10_000;

let storage: Storage;
let server: NodeServer;
let alice: EventClient;
let bob: EventClient;
let before: Map<string, string>;

/** What a real tab knows, and the fuzzer mutates: its ids, widget ids and media. */
let known: { sessionIds: string[]; widgetIds: string[]; mediaPaths: string[]; fileIds: string[] };

beforeAll(async () => {
  storage = createStorage();
  server = await serveNode({
    app: mediaApp,
    storage,
    clientDir: resolve(import.meta.dirname, "../../dist-client"),
    port: await freePort(),
  });
  alice = await openMediaTab(server.url);
  const photo = await upload(
    server.url,
    { sessionId: alice.sessionId, widgetId: uploaderId(alice, "Photo") },
    [{ name: "photo.png", type: "image/png", bytes: noisePng(30, 30, 5) }],
  );
  await alice.send([{ id: uploaderId(alice, "Photo"), value: [photo.files![0]!.id] }]);
  bob = await openMediaTab(server.url);
  known = {
    sessionIds: [alice.sessionId!, bob.sessionId!],
    widgetIds: [uploaderId(alice, "Photo"), uploaderId(alice, "Files")],
    mediaPaths: imagesShown(alice)
      .map((image) => image.src)
      .filter((src) => src.startsWith(ROUTES.media)),
    fileIds: [photo.files![0]!.id],
  };
  before = await snapshot();
});
afterAll(async () => {
  await server?.close();
});

/** Every stored session and upload as stored, and every media entry as served (its expiry may be renewed). */
async function snapshot(): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  for (const key of await storage.getKeys()) {
    if (key.startsWith("edgelit:media")) continue;
    const raw = await storage.getItemRaw(key);
    entries.set(
      key,
      Buffer.from(raw instanceof Uint8Array ? raw : JSON.stringify(raw)).toString("base64"),
    );
  }
  for (const path of known.mediaPaths) {
    const served = await fetchBytes(server.url, path);
    entries.set(path, `${served.status} ${digest(served.bytes)}`);
  }
  return entries;
}

/** A short fingerprint of stored content, so a difference reads as one line. */
function digest(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 16);
}

/** The entries of `after` under the keys of `before`: what was there must be there, unchanged. */
function sameKeys(after: Map<string, string>, before: Map<string, string>): Map<string, string> {
  return new Map([...before.keys()].map((key) => [key, after.get(key) ?? "(gone)"]));
}

/** A failure worth reporting: which seed and case, and what was sent. */
interface Finding {
  seed: number;
  endpoint: string;
  sent: string;
  problem: string;
}

/** Ids a mutation may use: lookalikes of real ones (never a real session's own id) and strangers. */
function relatedIds(fuzz: Fuzz): string[] {
  return [
    ...known.sessionIds.flatMap(lookalikeIds),
    ...known.widgetIds,
    ...known.fileIds,
    fuzz.int(2) ? "0".repeat(32) : "f".repeat(40),
  ];
}

/** Header-safe text: what fetch lets a client send at all. */
const headerSafe = (text: string) => /^[\x20-\x7e]*$/.test(text);

function eventBody(fuzz: Fuzz): string {
  const related = relatedIds(fuzz);
  const base: Record<string, unknown> = {
    protocol: PROTOCOL_VERSION,
    sessionId: fuzz.pick([null, ...known.sessionIds.flatMap(lookalikeIds)]),
    lastRunId: fuzz.pick([null, "run-1", "x".repeat(300)]),
    eventId: `fuzz-${fuzz.seed}-${fuzz.int(1e9)}`,
    changes: [{ id: fuzz.pick(known.widgetIds), value: fuzz.value(related) }],
  };
  switch (fuzz.int(4)) {
    case 0:
      return JSON.stringify(fuzz.mutateObject(base, related));
    case 1:
      return fuzz.mangle(JSON.stringify(base));
    case 2:
      return JSON.stringify({ ...base, changes: "__DEEP__" }).replace(
        '"__DEEP__"',
        deeplyNestedJson(fuzz.pick([100, 20_000, 150_000])),
      );
    default:
      return JSON.stringify({
        ...base,
        changes: Array.from({ length: fuzz.pick([1, 3, 1001]) }, () =>
          fuzz.mutateObject({ id: fuzz.pick(related), value: fuzz.value(related) }, related),
        ),
      });
  }
}

/** Reads an answer to its end within HANG_MS; an SSE answer is parsed for internal errors. */
async function readAnswer(response: Response): Promise<string | undefined> {
  if (response.status >= 500) return `status ${response.status}: ${await response.text()}`;
  if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    await response.arrayBuffer();
    return undefined;
  }
  const messages: ServerMessage[] = [];
  const parse = createSseParser((message) => messages.push(message));
  parse(await response.text());
  const internal = messages.find(
    (message) => message.type === "error" && ["internal", "run_timeout"].includes(message.code),
  );
  return internal ? `internal error in the stream: ${JSON.stringify(internal)}` : undefined;
}

async function sendEvent(fuzz: Fuzz): Promise<Finding | undefined> {
  const body = eventBody(fuzz);
  const headers: Record<string, string> = {};
  if (fuzz.chance(0.9)) headers[CLIENT_HEADER] = "1";
  headers["content-type"] = fuzz.chance(0.9)
    ? "application/json"
    : fuzz.pick(["text/plain", "application/json; charset=latin1", "multipart/form-data"]);
  return request(fuzz, "event", ROUTES.event, { method: "POST", headers, body });
}

async function sendUpload(fuzz: Fuzz): Promise<Finding | undefined> {
  const boundary = fuzz.pick(["b0undary", "", "x".repeat(100), "a b", "--"]);
  const part = [
    `--${boundary}`,
    `content-disposition: form-data; name="${fuzz.pick(["file", "files", ""])}"; filename="${fuzz.pick(["a.png", "../../x.png", "x".repeat(5000), ""])}"`,
    `content-type: ${fuzz.pick(["image/png", "text/html", "", "image/svg+xml"])}`,
    "",
    Buffer.from(noisePng(8, 8, fuzz.int(100))).toString("latin1"),
    `--${boundary}--`,
    "",
  ].join("\r\n");
  const body = fuzz.chance(0.5) ? fuzz.mangle(part) : part;
  const session = fuzz.pick([...known.sessionIds.flatMap(lookalikeIds), "", "0".repeat(32)]);
  const widget = fuzz.pick([...known.widgetIds, "", "x".repeat(3000), "../w"]);
  const headers: Record<string, string> = {
    "content-type": fuzz.pick([
      `multipart/form-data; boundary=${boundary}`,
      "multipart/form-data",
      "application/json",
    ]),
  };
  if (fuzz.chance(0.9)) headers[CLIENT_HEADER] = "1";
  if (headerSafe(session) && fuzz.chance(0.9)) headers[UPLOAD_SESSION_HEADER] = session;
  const query = fuzz.chance(0.9) ? `?widget=${encodeURIComponent(widget)}` : "";
  return request(fuzz, "upload", ROUTES.upload + query, {
    method: "POST",
    headers,
    body: Buffer.from(body, "latin1"),
  });
}

async function sendMediaRequest(fuzz: Fuzz): Promise<Finding | undefined> {
  const real = fuzz.pick(known.mediaPaths).slice(ROUTES.media.length);
  const id = fuzz.pick([
    real,
    real.toUpperCase(),
    `${real}0`,
    real.slice(1),
    "0".repeat(32),
    "../session",
    "%2e%2e%2fedgelit",
    "x".repeat(4000),
  ]);
  const headers: Record<string, string> = {};
  if (fuzz.chance(0.7))
    headers.range = fuzz.pick([
      "bytes=0-0",
      "bytes=5-1",
      "bytes=-0",
      "bytes=-1",
      "bytes=0-99999999999999999999",
      "bytes=1-2,3-4",
      "bytes=abc",
      "items=0-1",
      `bytes=${fuzz.int(1e6)}-`,
    ]);
  if (fuzz.chance(0.2)) headers["if-none-match"] = fuzz.pick([`"${real}"`, "*", '"x"']);
  return request(fuzz, "media", ROUTES.media + id, {
    method: fuzz.pick(["GET", "HEAD"]),
    headers,
  });
}

async function request(
  fuzz: Fuzz,
  endpoint: string,
  path: string,
  init: RequestInit,
): Promise<Finding | undefined> {
  const sent = `${init.method} ${path.slice(0, 200)} ${JSON.stringify(init.headers)} ${String(init.body ?? "").slice(0, 300)}`;
  try {
    const response = await fetch(server.url + path, {
      ...init,
      signal: AbortSignal.timeout(HANG_MS),
    });
    const problem = await readAnswer(response);
    return problem ? { seed: fuzz.seed, endpoint, sent, problem } : undefined;
  } catch (error) {
    return { seed: fuzz.seed, endpoint, sent, problem: `no answer: ${(error as Error).message}` };
  }
}

/** One mutated event over a fresh socket: the socket must answer (an error, a finish) or close, and never with an internal error. */
function sendOverSocket(fuzz: Fuzz): Promise<Finding | undefined> {
  // Built as text: a deeply nested body is fine to send, but would overflow JSON.stringify here.
  const wrapped = `{"type":${fuzz.chance(0.9) ? '"event"' : '"other"'},"request":${eventBody(fuzz)}}`;
  const text = fuzz.chance(0.3) ? fuzz.mangle(wrapped) : wrapped;
  const url = server.url.replace(/^http/, "ws") + ROUTES.socket;
  return new Promise((done) => {
    const finding = (problem: string) => ({
      seed: fuzz.seed,
      endpoint: "socket",
      sent: text.slice(0, 300),
      problem,
    });
    const socket = new WebSocket(url, { headers: { origin: server.url } });
    const timer = setTimeout(() => {
      socket.terminate();
      done(finding(`no answer within ${HANG_MS} ms`));
    }, HANG_MS);
    const finish = (result: Finding | undefined) => {
      clearTimeout(timer);
      socket.close();
      done(result);
    };
    socket.on("open", () => socket.send(text));
    socket.on("message", (data) => {
      const messages = JSON.parse(String(data)) as ServerMessage[];
      const internal = messages.find(
        (message) => message.type === "error" && ["internal", "run_timeout"].includes(message.code),
      );
      if (internal) finish(finding(`internal error: ${JSON.stringify(internal)}`));
      else if (messages.some((message) => message.type === "error" || message.type === "finish"))
        finish(undefined);
    });
    socket.on("close", () => finish(undefined));
    socket.on("error", (error) => finish(finding(`socket error: ${error.message}`)));
  });
}

test.each(SEEDS)(
  "seed %i: mutated requests to every endpoint get 4xx or a normal answer, never a 5xx or a hang",
  { timeout: 240_000 },
  async (seed) => {
    const fuzz = new Fuzz(seed);
    const findings: Finding[] = [];
    const record = (finding: Finding | undefined) => finding && findings.push(finding);
    for (let i = 0; i < CASES.event; i++) record(await sendEvent(fuzz));
    for (let i = 0; i < CASES.upload; i++) record(await sendUpload(fuzz));
    for (let i = 0; i < CASES.media; i++) record(await sendMediaRequest(fuzz));
    for (let i = 0; i < CASES.socket; i++) record(await sendOverSocket(fuzz));
    expect(findings).toEqual([]);

    // Still serving, and the real tabs' sessions, uploads and media are as they were.
    expect((await fetch(`${server.url}${ROUTES.health}`)).status).toBe(200);
    // Events with no session id start sessions of their own: new keys are fine, changed ones are not.
    expect(sameKeys(await snapshot(), before)).toEqual(before);
  },
);

test("after the fuzzing, the real tabs carry on where they were", async () => {
  const answer = await alice.send();
  expect(answer.status).toBe(200);
  expect(imagesShown(alice).map((image) => image.caption)).toEqual(["Generated", "photo.png"]);
  expect((await bob.send()).status).toBe(200);
});
