import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { builtClientAssets, bundleWorker, moduleWorker } from "../helpers/worker.ts";
import { tempDir } from "../helpers/processes.ts";
import { readFileSync } from "node:fs";
import { noisePng } from "../integration/fixtures/media-app.ts";
import { clipBytes, downloadBytes } from "./fixtures/r2-media/app.ts";
import { launchBrowser } from "../helpers/browser.ts";
import {
  digest,
  fetchBytes,
  imageSrc,
  linesShown,
  openMediaTab,
  upload,
  uploaderId,
} from "../integration/media/media-tab.ts";
import { expectVideoServesRanges } from "../helpers/video-range.ts";

// The media fixture as a Worker under workerd: sessions in Durable Objects, bytes in the R2
// bucket that `mediaStorage: "r2:MEDIA"` names (Miniflare's R2 binding).
const FIXTURE = resolve(import.meta.dirname, "fixtures/r2-media");
const out = tempDir("edgelit-r2-worker-");
let miniflare: Miniflare;
let url: string;

beforeAll(async () => {
  const script = bundleWorker(out.path, resolve(FIXTURE, "wrangler.toml"));
  miniflare = new Miniflare({
    cf: false,
    workers: [
      {
        name: "media",
        ...moduleWorker(script),
        unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }],
        durableObjects: { SESSIONS: { className: "EdgelitSessionStore", useSQLite: true } },
        r2Buckets: ["MEDIA"],
        assets: builtClientAssets(),
      },
    ],
  });
  await miniflare.ready;
  url = (await miniflare.unsafeGetDirectURL("media")).origin;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  out.remove();
  rmSync(resolve(FIXTURE, ".wrangler"), { recursive: true, force: true });
});

const MEDIA_URL = /^\/_edgelit\/media\/([0-9a-f]{32})$/;

test("through the Worker: a clip, an upload shown back, a download read by ranges; the bytes are in R2", async () => {
  const tab = await openMediaTab(url);

  const [video] = tab.elements("video");
  expect(video!.src).toMatch(MEDIA_URL);
  const clip = await fetchBytes(url, video!.src as string);
  expect(clip.status).toBe(200);
  expect(digest(clip.bytes)).toBe(digest(clipBytes()));

  const photo = noisePng(40, 40, 3);
  const sent = await upload(url, { sessionId: tab.sessionId, widgetId: uploaderId(tab, "Photo") }, [
    { name: "me.png", type: "image/png", bytes: photo },
  ]);
  expect(sent.status).toBe(200);
  await tab.send([{ id: uploaderId(tab, "Photo"), value: sent.files!.map((file) => file.id) }]);
  expect(linesShown(tab)).toEqual([`Photo size: ${photo.length} bytes`]);
  const back = await fetchBytes(url, imageSrc(tab, "me.png"));
  expect(back.status).toBe(200);
  expect(digest(back.bytes)).toBe(digest(photo));

  // The download (600 KB) read whole, and a range of it across a chunk's end.
  const [download] = tab.elements("downloadButton");
  const src = download!.src as string;
  expect(digest((await fetchBytes(url, src)).bytes)).toBe(digest(downloadBytes()));
  const range = await fetchBytes(url, src, { range: "bytes=250000-299999" });
  expect(range.status).toBe(206);
  expect(range.headers.get("content-range")).toBe("bytes 250000-299999/600000");
  expect(digest(range.bytes)).toBe(digest(downloadBytes().subarray(250_000, 300_000)));

  // The bucket holds every chunk; the session store holds none of them.
  const objects = (await (await fetch(`${url}/__bucket`)).json()) as {
    key: string;
    size: number;
  }[];
  const downloadId = MEDIA_URL.exec(src)![1]!;
  const chunkKey = `edgelit:chunks:media:${downloadId}:0`;
  expect(objects).toContainEqual({ key: chunkKey, size: 256 * 1024 });
  const chunks = objects.filter((object) => object.key.startsWith("edgelit:chunks:"));
  expect(chunks.reduce((sum, object) => sum + object.size, 0)).toBeGreaterThanOrEqual(
    downloadBytes().length + photo.length,
  );
  const inSessions = await fetch(`${url}/__in-session-store?key=${encodeURIComponent(chunkKey)}`);
  expect(await inSessions.json()).toBe(false);
});

test(
  "in Chromium through the Worker: the clip plays from 20 s in by a range, a picture goes up, shows back and downloads whole",
  { timeout: 120_000 },
  async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url);
      const video = page.locator("video");
      await video.waitFor();
      await expect
        .poll(
          () => video.evaluate((element: HTMLVideoElement) => Math.round(element.currentTime)),
          {
            timeout: 30_000,
          },
        )
        .toBe(20);
      const clip = clipBytes();
      await expectVideoServesRanges(page, clip);

      const picture = noisePng(300, 300, 9);
      await page
        .getByLabel("Photo")
        .setInputFiles({ name: "noise.png", mimeType: "image/png", buffer: Buffer.from(picture) });
      await page.getByText(`Photo size: ${picture.length} bytes`).waitFor();
      const shown = page.getByRole("img", { name: "noise.png" });
      await expect
        .poll(() =>
          shown.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`),
        )
        .toBe("300x300");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download" }).click(),
      ]);
      expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(downloadBytes());
      expect(page.errors).toEqual([]);

      const objects = (await (await fetch(`${url}/__bucket`)).json()) as {
        key: string;
        size: number;
      }[];
      const uploaded = objects.filter((object) => object.key.startsWith("edgelit:chunks:upload:"));
      expect(uploaded.reduce((sum, object) => sum + object.size, 0)).toBeGreaterThanOrEqual(
        picture.length,
      );
    } finally {
      await browser.close();
    }
  },
);
