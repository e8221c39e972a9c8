import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEdgelit, startRedis } from "../../helpers/processes.ts";
import { downloadBytes } from "../fixtures/media-app.ts";
import { MEDIA_APP, digest, fetchBytes, openMediaTab, upload, uploaderId } from "./media-tab.ts";

/**
 * The media route over real HTTP on replica B, for media that replica A
 * stored: byte ranges (how a video seeks), HEAD, revalidation, and ids that
 * name nothing.
 */

type EdgelitProcess = Awaited<ReturnType<typeof startEdgelit>>;

let redis: Awaited<ReturnType<typeof startRedis>>;
let a: EdgelitProcess;
let b: EdgelitProcess;
/** The 200 KB download's URL path, stored by A. */
let download: string;
const SIZE = 200_000;
const bytes = downloadBytes(SIZE);

beforeAll(async () => {
  redis = await startRedis();
  [a, b] = await Promise.all([
    startEdgelit({ app: MEDIA_APP, storage: redis.url }),
    startEdgelit({ app: MEDIA_APP, storage: redis.url }),
  ]);
  const tab = await openMediaTab(a.url);
  download = tab.elements("downloadButton")[0]!.src as string;
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

describe("byte ranges of a 200 KB media on another replica", () => {
  test.each([
    { range: "bytes=0-99", start: 0, end: 99 },
    { range: "bytes=1000-", start: 1000, end: SIZE - 1 },
    { range: "bytes=-50", start: SIZE - 50, end: SIZE - 1 },
    { range: "bytes=199990-300000", start: 199_990, end: SIZE - 1 },
  ])("$range answers 206 with exactly bytes $start-$end", async ({ range, start, end }) => {
    const part = await fetchBytes(b.url, download, { range });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(part.headers.get("content-length")).toBe(String(end - start + 1));
    expect(digest(part.bytes)).toBe(digest(bytes.subarray(start, end + 1)));
  });

  test.each(["bytes=200000-", "bytes=500-100", "bytes=-", "items=0-10"])(
    "%s is unsatisfiable: 416 with the size in content-range",
    async (range) => {
      const answer = await fetchBytes(b.url, download, { range });
      expect(answer.status).toBe(416);
      expect(answer.headers.get("content-range")).toBe(`bytes */${SIZE}`);
      expect(answer.bytes.length).toBe(0);
    },
  );
});

test("HEAD gives the headers of the whole media and no body", async () => {
  const response = await fetch(b.url + download, { method: "HEAD" });
  expect(response.status).toBe(200);
  expect(
    Object.fromEntries(
      [
        "content-type",
        "content-length",
        "accept-ranges",
        "etag",
        "cache-control",
        "content-disposition",
        "content-security-policy",
        "x-content-type-options",
      ].map((name) => [name, response.headers.get(name)]),
    ),
  ).toEqual({
    "content-type": "application/octet-stream",
    "content-length": String(SIZE),
    "accept-ranges": "bytes",
    etag: `"${download.split("/").at(-1)}"`,
    "cache-control": "private, max-age=31536000, immutable",
    "content-disposition": "attachment",
    "content-security-policy": "default-src 'none'; sandbox",
    "x-content-type-options": "nosniff",
  });
  expect((await response.arrayBuffer()).byteLength).toBe(0);
});

test("If-None-Match with the ETag answers 304 without a body; another ETag gets the bytes", async () => {
  const first = await fetchBytes(b.url, download);
  const etag = first.headers.get("etag")!;
  const revalidated = await fetchBytes(b.url, download, { "if-none-match": etag });
  expect(revalidated.status).toBe(304);
  expect(revalidated.headers.get("etag")).toBe(etag);
  expect(revalidated.bytes.length).toBe(0);
  const other = await fetchBytes(b.url, download, {
    "if-none-match": '"0123456789abcdef0123456789abcdef"',
  });
  expect(other.status).toBe(200);
  expect(digest(other.bytes)).toBe(digest(bytes));
});

describe("unknown media", () => {
  test("a well-formed id that names nothing answers 404 not_found, on both replicas", async () => {
    for (const server of [a, b]) {
      const response = await fetch(`${server.url}/_edgelit/media/0123456789abcdef0123456789abcdef`);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({
        error: {
          code: "not_found",
          message: "No media with this id: it may have expired with its session.",
        },
      });
    }
  });

  test("malformed ids answer 404, whatever key they look like", async () => {
    const tab = await openMediaTab(a.url);
    const uploaded = await upload(
      b.url,
      { sessionId: tab.sessionId, widgetId: uploaderId(tab, "Files") },
      [{ name: "x.txt", type: "text/plain", bytes: new Uint8Array(10) }],
    );
    const malformed = [
      "not-an-id",
      download.split("/").at(-1)!.toUpperCase(),
      `${download.split("/").at(-1)}0`,
      // An upload's id, and a session's id (same shape as a media id): neither is media.
      uploaded.files![0]!.id,
      tab.sessionId!,
      `..%2Fsession%2F${tab.sessionId}`,
      `..%2Fupload%2F${tab.sessionId}%2F${uploaded.files![0]!.id}`,
    ];
    for (const id of malformed) {
      const response = await fetch(`${b.url}/_edgelit/media/${id}`);
      expect(response.status, id).toBe(404);
      expect(await response.json(), id).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
