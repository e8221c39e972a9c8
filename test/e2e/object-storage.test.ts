import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { toneWav } from "../../examples/uploads/generated-media.ts";
import { launchBrowser, type Browser } from "../helpers/browser.ts";
import { startNginx } from "../helpers/nginx.ts";
import { startEdgelit, startRedis } from "../helpers/processes.ts";
import { S3RVER_CREDENTIALS, startS3Bucket, type StartedBucket } from "../helpers/s3-bucket.ts";
import { noisePng } from "../integration/fixtures/media-app.ts";
import { keysMatching } from "../integration/media/media-tab.ts";
import { expectVideoServesRanges } from "../helpers/video-range.ts";

/**
 * Sessions in Redis, bytes in a bucket (s3rver on loopback), two replicas behind nginx round
 * robin: in Chromium, a clip plays from 20 s in (a range read), a picture is uploaded, shown back
 * and downloaded, each request on whichever replica nginx picks. The bucket holds the bytes;
 * Redis holds none of them.
 */

type Replica = Awaited<ReturnType<typeof startEdgelit>>;

let redisServer: Awaited<ReturnType<typeof startRedis>>;
let redis: Redis;
let bucket: StartedBucket;
let replicas: Replica[] = [];
let balancer: Awaited<ReturnType<typeof startNginx>>;
let browser: Browser;

beforeAll(async () => {
  redisServer = await startRedis();
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  bucket = await startS3Bucket();
  const replica = () =>
    startEdgelit({
      app: "test/e2e/fixtures/object-storage-app.ts",
      storage: redisServer.url,
      extraArgs: ["--media-storage", bucket.spec],
      env: S3RVER_CREDENTIALS,
    });
  replicas = await Promise.all([replica(), replica()]);
  balancer = await startNginx(replicas.map((one) => one.port));
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await balancer?.stop();
  await Promise.all(replicas.map((one) => one.stop()));
  redis?.disconnect();
  await redisServer?.stop();
  await bucket?.stop();
});

test(
  "upload, show back, download and a ranged clip through two replicas: the bytes are in the bucket, not in Redis",
  { timeout: 120_000 },
  async () => {
    const page = await browser.newPage();
    const upstreams = new Set<string>();
    page.on("response", (response) => {
      if (!new URL(response.url()).pathname.startsWith("/_edgelit/")) return;
      const upstream = response.headers()["x-edgelit-upstream"];
      if (upstream) upstream.split(", ").forEach((one) => upstreams.add(one));
    });
    await page.goto(balancer.url);

    // The clip starts 20 s in: the player asks for the bytes from there on, a range of the file.
    const clip = toneWav(440, 30);
    const video = page.locator("video");
    await video.waitFor();
    await expect
      .poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => video.evaluate((element: HTMLVideoElement) => Math.round(element.currentTime)), {
        timeout: 30_000,
      })
      .toBe(20);
    await expectVideoServesRanges(page, clip);

    // A picture of 480 KB (two chunks) goes up, comes back as an image, and downloads whole.
    const picture = noisePng(400, 400, 5);
    await page
      .getByLabel("A picture")
      .setInputFiles({ name: "noise.png", mimeType: "image/png", buffer: Buffer.from(picture) });
    await page.getByText(`Stored noise.png: ${picture.length} bytes`).waitFor();
    const shown = page.getByRole("img", { name: "noise.png" });
    await expect
      .poll(() =>
        shown.evaluate((img: HTMLImageElement) => `${img.naturalWidth}x${img.naturalHeight}`),
      )
      .toBe("400x400");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download it back" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("noise.png");
    expect(new Uint8Array(readFileSync((await download.path())!))).toEqual(picture);
    expect(upstreams.size).toBe(2);
    expect(page.errors).toEqual([]);

    // The bucket holds the clip, the upload and the download; Redis holds sessions and no bytes.
    const stored = bucket.objects();
    const chunkBytes = stored
      .filter((object) => object.key.startsWith("edgelit/chunks/"))
      .reduce((sum, object) => sum + object.size, 0);
    expect(chunkBytes).toBeGreaterThanOrEqual(clip.length + 2 * picture.length);
    expect(await keysMatching(redis, "edgelit:chunks:*")).toEqual([]);
    expect(await keysMatching(redis, "edgelit:media:*")).toEqual([]);
    expect(await keysMatching(redis, "edgelit:upload:*")).toEqual([]);
    let redisBytes = 0;
    for (const key of await keysMatching(redis, "*"))
      redisBytes += (await redis.memory("USAGE", key)) ?? 0;
    expect(redisBytes).toBeLessThan(picture.length / 4);
  },
);
