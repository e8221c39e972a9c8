import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../../helpers/events.ts";
import { startEdgelit, startRedis } from "../../helpers/processes.ts";
import { messagesOf } from "../counter-tab.ts";
import { downloadBytes, noisePng } from "../fixtures/media-app.ts";
import {
  MEDIA_APP,
  digest,
  fetchBytes,
  imageSrc,
  imagesShown,
  linesShown,
  openMediaTab,
  someBytes,
  upload,
  uploaderId,
} from "./media-tab.ts";

/**
 * Streamlit's issue #4173: behind a load balancer, an upload or a media
 * request that lands on another replica than the page's fails. Here the
 * page's events go to replica A only, and every media GET and every upload
 * POST to replica B only; both share one redis-server and nothing else.
 */

type EdgelitProcess = Awaited<ReturnType<typeof startEdgelit>>;

let redis: Awaited<ReturnType<typeof startRedis>>;
let a: EdgelitProcess;
let b: EdgelitProcess;

beforeAll(async () => {
  redis = await startRedis();
  [a, b] = await Promise.all([
    startEdgelit({ app: MEDIA_APP, storage: redis.url }),
    startEdgelit({ app: MEDIA_APP, storage: redis.url }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
});

const MEDIA_URL = /^\/_edgelit\/media\/[0-9a-f]{32}$/;

test("events on A, media and uploads on B: the page, its images, its uploads and its download all work; a restart of A loses nothing", async () => {
  const tab = await openMediaTab(a.url);

  // The app's generated image, stored by A, served by B.
  const generated = imageSrc(tab, "Generated");
  expect(generated).toMatch(MEDIA_URL);
  const image = await fetchBytes(b.url, generated);
  expect(image.status).toBe(200);
  expect(image.headers.get("content-type")).toBe("image/png");
  expect(digest(image.bytes)).toBe(digest(noisePng(48, 48, 7)));

  // The download, likewise.
  const [download] = tab.elements("downloadButton");
  expect(download).toMatchObject({
    label: "Download",
    fileName: "data.bin",
    src: expect.stringMatching(MEDIA_URL),
  });
  const downloaded = await fetchBytes(b.url, download!.src as string);
  expect(downloaded.status).toBe(200);
  expect(downloaded.headers.get("content-type")).toBe("application/octet-stream");
  expect(digest(downloaded.bytes)).toBe(digest(downloadBytes()));

  // A picture uploaded to B, chosen in an event to A: A reads it and shows it back.
  const photo = noisePng(40, 40, 3);
  const photoUpload = await upload(
    b.url,
    { sessionId: tab.sessionId, widgetId: uploaderId(tab, "Photo") },
    [{ name: "me.png", type: "image/png", bytes: photo }],
  );
  expect(photoUpload).toEqual({
    status: 200,
    files: [
      {
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        name: "me.png",
        size: photo.length,
        type: "image/png",
      },
    ],
  });
  const shown = await tab.send([
    { id: uploaderId(tab, "Photo"), value: photoUpload.files!.map((file) => file.id) },
  ]);
  expect(shown.status).toBe(200);
  expect(messagesOf(shown, "refused")).toEqual([]);
  expect(linesShown(tab)).toEqual([`Photo size: ${photo.length} bytes`]);
  const photoSrc = imageSrc(tab, "me.png");
  expect(photoSrc).toMatch(MEDIA_URL);
  const photoBack = await fetchBytes(b.url, photoSrc);
  expect(photoBack.status).toBe(200);
  expect(photoBack.headers.get("content-type")).toBe("image/png");
  expect(digest(photoBack.bytes)).toBe(digest(photo));

  // Two files in one upload to B for the multiple-file widget; A reads both.
  const files = [
    { name: "a.bin", type: "application/octet-stream", bytes: someBytes(1000, 1) },
    { name: "b.csv", type: "text/csv", bytes: someBytes(12_345, 2) },
  ];
  const filesUpload = await upload(
    b.url,
    { sessionId: tab.sessionId, widgetId: uploaderId(tab, "Files") },
    files,
  );
  expect(filesUpload.status).toBe(200);
  expect(filesUpload.files!.map(({ name, size, type }) => ({ name, size, type }))).toEqual([
    { name: "a.bin", size: 1000, type: "application/octet-stream" },
    { name: "b.csv", size: 12_345, type: "text/csv" },
  ]);
  const [first, second] = filesUpload.files!.map((file) => file.id);
  await tab.send([{ id: uploaderId(tab, "Files"), value: [first, second] }]);
  expect(messagesOf(tab.last!, "refused")).toEqual([]);
  expect(linesShown(tab)).toEqual([
    `Photo size: ${photo.length} bytes`,
    "a.bin: 1000 bytes",
    "b.csv: 12345 bytes",
  ]);

  // Removing a file is sending the ids that remain.
  await tab.send([{ id: uploaderId(tab, "Files"), value: [second] }]);
  expect(messagesOf(tab.last!, "refused")).toEqual([]);
  expect(linesShown(tab)).toEqual([`Photo size: ${photo.length} bytes`, "b.csv: 12345 bytes"]);

  // A restarts; a reload of the tab on the new A reads the uploads from the store again.
  await a.stop("SIGTERM");
  a = await startEdgelit({ app: MEDIA_APP, storage: redis.url, port: a.port });
  const reloaded = new EventClient(a.url);
  reloaded.sessionId = tab.sessionId;
  const afterRestart = await reloaded.send();
  expect(afterRestart.status).toBe(200);
  expect(messagesOf(afterRestart, "start")).toMatchObject([
    { sessionId: tab.sessionId, reset: true },
  ]);
  expect(reloaded.elements("exception")).toEqual([]);
  expect(linesShown(reloaded)).toEqual([`Photo size: ${photo.length} bytes`, "b.csv: 12345 bytes"]);
  expect(imagesShown(reloaded).map((item) => item.caption)).toEqual(["Generated", "me.png"]);
  const photoAfterRestart = await fetchBytes(b.url, imageSrc(reloaded, "me.png"));
  expect(photoAfterRestart.status).toBe(200);
  expect(digest(photoAfterRestart.bytes)).toBe(digest(photo));
});
