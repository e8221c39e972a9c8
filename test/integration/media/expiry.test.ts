import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createStorage } from "unstorage";
import fsDriver from "unstorage/drivers/fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createMediaStore } from "../../../src/media/media-store.ts";
import type { EventClient } from "../../helpers/events.ts";
import { startEdgelit, startRedis, tempDir } from "../../helpers/processes.ts";
import { noisePng } from "../fixtures/media-app.ts";
import {
  MEDIA_APP,
  imagesShown,
  keysMatching,
  openMediaTab,
  upload,
  uploaderId,
} from "./media-tab.ts";

/**
 * Media and uploads live 1.5 session TTLs and then go, so the store never
 * grows without bound: with `--session-ttl 1`, that is 2 s. Redis expires the
 * keys by itself; the fs store is swept.
 */

const SESSION_TTL = 1;
/** Media and uploads: ceil(1.5 × 1 s). */
const MEDIA_TTL_MS = 2000;
/** How long a test waits for expiry, counted from the last write: the TTL and some slack. */
const EXPIRY_DEADLINE_MS = MEDIA_TTL_MS + 2500;
/** Media's chunks outlive their meta by a session TTL (so a renewal writes the meta alone): ceil(1.5 × 1 s) + 1 s. */
const CHUNK_TTL_MS = 3000;
/** An upload's chunks: three times the short life of a file no event has held yet (here 2 s, the media TTL). */
const UPLOAD_CHUNK_TTL_MS = 3 * MEDIA_TTL_MS;

/** Loads the page, uploads a photo and shows it: the session then holds three media and one upload. */
async function fillSession(
  baseUrl: string,
): Promise<{ tab: EventClient; mediaPaths: string[]; fileId: string; lastWrite: number }> {
  const tab = await openMediaTab(baseUrl);
  // A first visit that holds nothing is not stored, and an upload to such a session must come
  // within one (here very short) TTL of its start: a click first has the session stored.
  await tab.send([{ id: tab.widgetId("downloadButton", "Download"), value: true }]);
  const uploaded = await upload(
    baseUrl,
    { sessionId: tab.sessionId, widgetId: uploaderId(tab, "Photo") },
    [{ name: "me.png", type: "image/png", bytes: noisePng(40, 40, 5) }],
  );
  expect(uploaded.status).toBe(200);
  const fileId = uploaded.files![0]!.id;
  await tab.send([{ id: uploaderId(tab, "Photo"), value: [fileId] }]);
  const lastWrite = Date.now();
  const mediaPaths = [
    ...imagesShown(tab).map((item) => item.src),
    tab.elements("downloadButton")[0]!.src as string,
  ];
  expect(mediaPaths).toHaveLength(3);
  for (const path of mediaPaths) expect(path).toMatch(/^\/_edgelit\/media\/[0-9a-f]{32}$/);
  return { tab, mediaPaths, fileId, lastWrite };
}

/** Polls `probe` every 100 ms until it is true or `deadline` (ms since epoch) passes. */
async function until(deadline: number, probe: () => Promise<boolean>): Promise<boolean> {
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
}

const statusOf = async (url: string) => (await fetch(url)).status;

describe("with Redis", () => {
  let redisServer: Awaited<ReturnType<typeof startRedis>>;
  let redis: Redis;
  let server: Awaited<ReturnType<typeof startEdgelit>>;
  beforeAll(async () => {
    redisServer = await startRedis();
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
    server = await startEdgelit({
      app: MEDIA_APP,
      storage: redisServer.url,
      sessionTtl: SESSION_TTL,
    });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
    await redisServer?.stop();
  });

  test("media and uploads expire with their session: 404, and Redis drops their keys by itself", async () => {
    const { tab, mediaPaths, fileId, lastWrite } = await fillSession(server.url);
    const mediaKeys = mediaPaths.map((path) => `edgelit:media:${path.split("/").at(-1)}`).sort();
    const uploadKeys = [`edgelit:upload:${tab.sessionId}:${fileId}`];
    const chunkKeys = await keysMatching(redis, "edgelit:chunks:*");
    // Two generated media and the upload, each in one chunk (the photo is shown from the upload's).
    expect(chunkKeys).toHaveLength(3);
    expect(chunkKeys).toContain(`edgelit:chunks:upload:${tab.sessionId}:${fileId}:0`);

    // Stored, served, each meta with a Redis TTL of at most 2 s and each chunk of at most 3 s.
    expect(await keysMatching(redis, "edgelit:media:*")).toEqual(mediaKeys);
    expect(await keysMatching(redis, "edgelit:upload:*")).toEqual(uploadKeys);
    expect(await keysMatching(redis, "edgelit:writing:*")).toEqual([]);
    const [uploadChunks, mediaChunks] = [
      chunkKeys.filter((key) => key.startsWith("edgelit:chunks:upload:")),
      chunkKeys.filter((key) => key.startsWith("edgelit:chunks:media:")),
    ];
    for (const [keys, most] of [
      [[...mediaKeys, ...uploadKeys], MEDIA_TTL_MS],
      [mediaChunks, CHUNK_TTL_MS],
      [uploadChunks, UPLOAD_CHUNK_TTL_MS],
    ] as const)
      for (const key of keys) {
        const ttl = await redis.pttl(key);
        expect(ttl, key).toBeGreaterThan(0);
        expect(ttl, key).toBeLessThanOrEqual(most);
      }
    for (const path of mediaPaths) expect(await statusOf(server.url + path)).toBe(200);

    const sessionKeys = [`edgelit:session:${tab.sessionId}`, ...mediaKeys, ...uploadKeys];
    const left = async (keys: string[]) =>
      (await Promise.all(keys.map(async (key) => ((await redis.exists(key)) ? [key] : [])))).flat();
    const gone = await until(
      lastWrite + EXPIRY_DEADLINE_MS,
      async () => (await left(sessionKeys)).length === 0,
    );
    expect(gone, `keys left: ${await left(sessionKeys)}`).toBe(true);
    for (const path of mediaPaths) expect(await statusOf(server.url + path), path).toBe(404);
    const allKeys = [...chunkKeys, `edgelit:upload-quota:${tab.sessionId}`];
    const chunksGone = await until(
      lastWrite + UPLOAD_CHUNK_TTL_MS + 2500,
      async () => (await left(allKeys)).length === 0,
    );
    expect(chunksGone, `keys left: ${await left(allKeys)}`).toBe(true);
  });
});

describe("with Redis, a session kept active", () => {
  const ACTIVE_TTL = 2;
  let redisServer: Awaited<ReturnType<typeof startRedis>>;
  let server: Awaited<ReturnType<typeof startEdgelit>>;
  beforeAll(async () => {
    redisServer = await startRedis();
    server = await startEdgelit({
      app: MEDIA_APP,
      storage: redisServer.url,
      sessionTtl: ACTIVE_TTL,
    });
  });
  afterAll(async () => {
    await server?.stop();
    await redisServer?.stop();
  });

  test("keeps its upload: a file stays readable for as long as its session lives, past 1.5 TTLs", async () => {
    const { tab } = await fillSession(server.url);
    const photoLine = `Photo size: ${noisePng(40, 40, 5).length} bytes`;
    // An event every 700 ms for 4.2 s keeps the 2 s session alive, past the 3 s an upload is first stored for.
    for (let i = 1; i <= 6; i++) {
      await sleep(700);
      const answer = await tab.send([
        { id: tab.widgetId("downloadButton", "Download"), value: true },
      ]);
      expect(answer.status, `event ${i}: ${JSON.stringify(answer.error)}`).toBe(200);
      expect(
        tab.elements("exception"),
        `event ${i}, ${(i * 0.7).toFixed(1)} s after the upload`,
      ).toEqual([]);
      expect(
        tab.elements("markdown").map((props) => props.body),
        `event ${i}, ${(i * 0.7).toFixed(1)} s after the upload`,
      ).toEqual([photoLine]);
    }
  });
});

describe("with the fs store", () => {
  const folder = tempDir("edgelit-media-expiry-fs-");
  let server: Awaited<ReturnType<typeof startEdgelit>>;
  beforeAll(async () => {
    server = await startEdgelit({
      app: MEDIA_APP,
      storage: `fs:${folder.path}`,
      sessionTtl: SESSION_TTL,
    });
  });
  afterAll(async () => {
    await server?.stop();
    folder.remove();
  });

  const onDisk = (id: string) => `h-${createHash("sha256").update(id).digest("hex")}`;
  const filesUnder = (...parts: string[]) => {
    const dir = join(folder.path, ...parts);
    return existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
          .sort()
      : [];
  };

  test("expired media answer 404, and the sweep removes their files and the uploads' files", async () => {
    const { tab, mediaPaths, fileId, lastWrite } = await fillSession(server.url);
    // The fs store names ids (media ids, session ids) by their hash on disk.
    expect(filesUnder("edgelit", "media")).toEqual(
      mediaPaths.map((path) => onDisk(path.split("/").at(-1)!)).sort(),
    );
    expect(filesUnder("edgelit", "upload")).toEqual([fileId]);
    expect(filesUnder("edgelit", "upload", onDisk(tab.sessionId!))).toHaveLength(1);
    // Two generated media and the upload, each in one chunk.
    expect(filesUnder("edgelit", "chunks")).toEqual(["0", "0", "0"]);

    const expired = await until(lastWrite + EXPIRY_DEADLINE_MS, async () =>
      (await Promise.all(mediaPaths.map((path) => statusOf(server.url + path)))).every(
        (status) => status === 404,
      ),
    );
    expect(expired).toBe(true);
    // fs cannot expire files: they stay until a sweep.
    expect(filesUnder("edgelit", "media")).toHaveLength(3);
    expect(filesUnder("edgelit", "upload")).toHaveLength(1);

    const storage = createStorage({ driver: fsDriver({ base: folder.path }) });
    // Three media (one shown from the upload's chunks), and one upload.
    expect(await createMediaStore(storage, SESSION_TTL).sweepExpired()).toBe(4);
    expect(filesUnder("edgelit", "media")).toEqual([]);
    expect(filesUnder("edgelit", "upload")).toEqual([]);
    expect(filesUnder("edgelit", "chunks")).toEqual([]);
    expect(filesUnder("edgelit", "upload-quota")).toEqual([]);
    await storage.dispose();
  });
});
