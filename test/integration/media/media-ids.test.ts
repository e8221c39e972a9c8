import { createHmac } from "node:crypto";
import { resolve } from "node:path";
import { createStorage, type Storage } from "unstorage";
import { afterEach, expect, test } from "vitest";
import { serveNode, type NodeServer } from "../../../adapters/node/serve.ts";
import { defineApp } from "../../../src/index.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  createSseParser,
  type ServerMessage,
} from "../../../src/protocol/index.ts";
import { freePort } from "../../helpers/processes.ts";
import { noisePng } from "../fixtures/media-app.ts";
import { fetchBytes, imageSrc, openMediaTab } from "./media-tab.ts";

/**
 * Issue 14, finding 2: media ids are a keyed hash of their content, so no one
 * can make bytes that land on another session's id, and the same image shown
 * in many sessions is stored once. Finding 5: media are stored before the
 * element that shows them is sent.
 */

const PICTURE = noisePng(40, 40, 11);
const SECRET = "a test secret of more than sixteen characters";
const pictureApp = defineApp((st) => {
  st.image(PICTURE, { caption: "Picture" });
});

const servers: NodeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(
  app: ReturnType<typeof defineApp>,
  storage: Storage,
  mediaSecret?: string,
): Promise<NodeServer> {
  const server = await serveNode({
    app,
    storage,
    clientDir: resolve(import.meta.dirname, "../../../dist-client"),
    port: await freePort(),
    host: "127.0.0.1",
    ...(mediaSecret !== undefined && { mediaSecret }),
  });
  servers.push(server);
  return server;
}

const mediaKeys = async (storage: Storage) =>
  (await storage.getKeys("edgelit:media")).filter((key) => !key.includes("secret"));

test("a media id is HMAC-SHA-256 of its type and bytes under the server's secret, not a hash anyone can compute", async () => {
  const server = await serve(pictureApp, createStorage(), SECRET);
  const src = imageSrc(await openMediaTab(server.url), "Picture");
  const expected = createHmac("sha256", SECRET)
    .update("image/png\0")
    .update(PICTURE)
    .digest("hex")
    .slice(0, 32);
  expect(src).toBe(`${ROUTES.media}${expected}`);

  const other = await serve(pictureApp, createStorage(), `${SECRET}, but another one`);
  expect(imageSrc(await openMediaTab(other.url), "Picture")).not.toBe(src);
});

test("the same image shown in two sessions is stored once, under one id, and served to both", async () => {
  const storage = createStorage();
  const server = await serve(pictureApp, storage, SECRET);
  const first = imageSrc(await openMediaTab(server.url), "Picture");
  const second = imageSrc(await openMediaTab(server.url), "Picture");
  expect(second).toBe(first);
  expect(await mediaKeys(storage)).toHaveLength(1);
  const served = await fetchBytes(server.url, first);
  expect(served.status).toBe(200);
  expect(served.bytes).toEqual(PICTURE);
});

test("with no secret configured, replicas sharing a store share one generated key, kept in the store", async () => {
  const storage = createStorage();
  const one = await serve(pictureApp, storage);
  const two = await serve(pictureApp, storage);
  const fromOne = imageSrc(await openMediaTab(one.url), "Picture");
  const fromTwo = imageSrc(await openMediaTab(two.url), "Picture");
  expect(fromTwo).toBe(fromOne);
  expect(await mediaKeys(storage)).toHaveLength(1);
  // A store of its own holds another key, so another id for the same bytes.
  const elsewhere = await serve(pictureApp, createStorage());
  expect(imageSrc(await openMediaTab(elsewhere.url), "Picture")).not.toBe(fromOne);
});

test("a frame drawn into a placeholder is stored before the element showing it is sent", async () => {
  const frames = [1, 2, 3].map((seed) => noisePng(40, 40, seed));
  const openGates: (() => void)[] = [];
  const waits = frames.map(() => new Promise<void>((done) => openGates.push(done)));
  const animation = defineApp(async (st) => {
    const slot = st.empty();
    for (const [index, frame] of frames.entries()) {
      slot.image(frame, { caption: `Frame ${index}` });
      await waits[index];
    }
  });
  const server = await serve(animation, createStorage(), SECRET);

  const response = await fetch(server.url + ROUTES.event, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sessionId: null,
      lastRunId: null,
      eventId: crypto.randomUUID(),
      changes: [],
    }),
  });
  const shown: string[] = [];
  let arrived: (() => void) | undefined;
  const parse = createSseParser((message: ServerMessage) => {
    if (message.type !== "element" || message.kind !== "image") return;
    const items = (message.props as { items: { src: string }[] }).items;
    shown.push(items[0]!.src);
    arrived?.();
  });
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) parse(decoder.decode(chunk, { stream: true }));
  })();
  for (const [index, frame] of frames.entries()) {
    if (shown.length <= index) await new Promise<void>((done) => (arrived = done));
    // The run is paused after this frame: what the page would fetch now must be there.
    const served = await fetchBytes(server.url, shown[index]!);
    expect(served.status, `frame ${index}`).toBe(200);
    expect(served.bytes).toEqual(frame);
    openGates[index]!();
  }
  await reading;
});
