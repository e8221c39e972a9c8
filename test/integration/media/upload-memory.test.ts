import { relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fsStoreFile } from "../../helpers/fs-store.ts";
import { startEdgelit, tempDir } from "../../helpers/processes.ts";
import type { EventClient } from "../../helpers/events.ts";
import { fetchBytes, linesShown, openMediaTab, uploaderId } from "./media-tab.ts";
import { fetchDigest, largeFileBytes, peakRss, storedFiles, streamUpload } from "./large-files.ts";

/**
 * The server's memory stays bounded whatever the size of what it stores or
 * serves (issue 14, findings 4 and 5). The server is a real process over the
 * fs store (so stored bytes are on disk, not in its memory); its peak RSS is
 * read from /proc before and after.
 */

const APP = "test/integration/fixtures/large-upload-app.ts";
const MB = 1024 * 1024;
/** How much a 150 MB upload, or ten ranges of it, may raise the server's peak RSS (README, "Media and uploads"). */
const MEMORY_BOUND = 64 * MB;
const FILE_SIZE = 150 * MB;

const folder = tempDir("edgelit-upload-memory-");
let server: Awaited<ReturnType<typeof startEdgelit>>;
beforeAll(async () => {
  server = await startEdgelit({ app: APP, storage: `fs:${folder.path}` });
});
afterAll(async () => {
  await server?.stop();
  folder.remove();
});

const target = (tab: EventClient) => ({
  sessionId: tab.sessionId!,
  widgetId: uploaderId(tab, "Video"),
});

/** Chunks and writes under way of this session's uploads, as files of the fs store. */
/** The files the fs store keeps for a session's uploads (under a hash of its id, as it names them). */
const uploadFilesOf = (sessionId: string) =>
  ["chunks:upload", "writing:upload", "upload"].flatMap((prefix) =>
    storedFiles(
      folder.path,
      relative(folder.path, fsStoreFile(folder.path, `edgelit:${prefix}:${sessionId}`)),
    ),
  );

test("a 150 MB upload, showing it, and ten 1-byte ranges of it keep the server's peak RSS within 64 MB, and every byte reads back right", async () => {
  const tab = await openMediaTab(server.url);
  // Warm up: the upload path and the event that shows a file, on a small one.
  const small = await streamUpload(server.url, target(tab), { name: "small.mp4", size: 2 * MB });
  expect(small.status, small.body).toBe(200);
  const before = peakRss(server.pid);

  const uploaded = await streamUpload(server.url, target(tab), {
    name: "big.mp4",
    size: FILE_SIZE,
  });
  expect(uploaded.status, uploaded.body).toBe(200);
  const file = (
    JSON.parse(uploaded.body) as { files: { id: string; size: number; type: string }[] }
  ).files[0]!;
  expect(file).toMatchObject({ size: FILE_SIZE, type: "video/mp4" });
  const afterUpload = peakRss(server.pid);
  expect(
    afterUpload - before,
    `peak RSS grew ${((afterUpload - before) / MB).toFixed(1)} MB during the upload`,
  ).toBeLessThan(MEMORY_BOUND);

  // The event that holds the file shows it: the run reads none of it.
  await tab.send([{ id: uploaderId(tab, "Video"), value: [file.id] }]);
  expect(linesShown(tab)).toEqual([`big.mp4: ${FILE_SIZE} bytes`]);
  const src = tab.elements("video")[0]!.src as string;
  expect(src).toMatch(/^\/_edgelit\/media\/[0-9a-f]{32}$/);
  for (let i = 0; i < 10; i++) {
    const offset = Math.floor(((i + 0.5) * FILE_SIZE) / 10);
    const range = await fetchBytes(server.url, src, { range: `bytes=${offset}-${offset}` });
    expect(range.status).toBe(206);
    expect(range.headers.get("content-range")).toBe(`bytes ${offset}-${offset}/${FILE_SIZE}`);
    expect([...range.bytes]).toEqual([...largeFileBytes(offset, 1)]);
  }
  const afterRanges = peakRss(server.pid);
  expect(
    afterRanges - before,
    `peak RSS grew ${((afterRanges - before) / MB).toFixed(1)} MB by the ranges`,
  ).toBeLessThan(MEMORY_BOUND);

  // Every byte, served whole, is the file that was sent.
  expect(await fetchDigest(server.url, src)).toBe(uploaded.sent);
  const afterWhole = peakRss(server.pid);
  console.log(
    `[upload-memory] peak RSS ${(before / MB).toFixed(1)} MB before; +${((afterUpload - before) / MB).toFixed(1)} MB after the 150 MB upload; +${((afterRanges - before) / MB).toFixed(1)} MB after showing it and ten 1-byte ranges; +${((afterWhole - before) / MB).toFixed(1)} MB after reading it whole`,
  );
  expect(afterWhole - before).toBeLessThan(MEMORY_BOUND);
}, 120_000);

test("an upload whose connection breaks midway leaves no chunk behind, and the server takes the next one", async () => {
  const tab = await openMediaTab(server.url);
  // Broken off once the server has stored some of its chunks.
  const cut = await streamUpload(server.url, target(tab), { name: "cut.mp4", size: 100 * MB }, () =>
    uploadFilesOf(tab.sessionId!).some((path) => path.includes("chunks")),
  );
  expect(cut.status).toBe(0);
  // The server notices the broken connection, then removes what it wrote: poll, bounded.
  let left = uploadFilesOf(tab.sessionId!);
  for (let i = 0; i < 100 && left.length > 0; i++) {
    await sleep(100);
    left = uploadFilesOf(tab.sessionId!);
  }
  expect(left).toEqual([]);
  const next = await streamUpload(server.url, target(tab), { name: "next.mp4", size: 1 * MB });
  expect(next.status, next.body).toBe(200);
}, 60_000);
