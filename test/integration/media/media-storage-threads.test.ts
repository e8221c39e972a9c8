import { afterAll, beforeAll, expect, test } from "vitest";
import { startEdgelit } from "../../helpers/processes.ts";
import { S3RVER_CREDENTIALS, startS3Bucket, type StartedBucket } from "../../helpers/s3-bucket.ts";
import { noisePng } from "../fixtures/media-app.ts";
import { MEDIA_APP, digest, fetchBytes, imageSrc, openMediaTab } from "./media-tab.ts";

/** With script threads, each thread opens the bucket itself: what a run stores is in the bucket. */

let bucket: StartedBucket;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  bucket = await startS3Bucket();
  server = await startEdgelit({
    app: MEDIA_APP,
    extraArgs: ["--media-storage", bucket.spec, "--threads", "1"],
    env: S3RVER_CREDENTIALS,
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await bucket?.stop();
});

test("a run in a script thread stores its media in the bucket, and the main thread serves them", async () => {
  const tab = await openMediaTab(server.url);
  const src = imageSrc(tab, "Generated");
  const image = await fetchBytes(server.url, src);
  expect(image.status).toBe(200);
  expect(digest(image.bytes)).toBe(digest(noisePng(48, 48, 7)));
  const id = src.split("/").at(-1)!;
  expect(bucket.objects().map((object) => object.key)).toContain(`edgelit/chunks/media/${id}/0`);
});
