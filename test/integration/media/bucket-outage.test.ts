import { afterAll, beforeAll, expect, test } from "vitest";
import { startEdgelit } from "../../helpers/processes.ts";
import { S3RVER_CREDENTIALS, startS3Bucket, type StartedBucket } from "../../helpers/s3-bucket.ts";
import { click, openCounter } from "../counter-tab.ts";
import { noisePng } from "../fixtures/media-app.ts";
import {
  digest,
  fetchBytes,
  imageSrc,
  linesShown,
  someBytes,
  upload,
  uploaderId,
} from "./media-tab.ts";
import { MEDIA_APP } from "./media-tab.ts";

/**
 * Media in a bucket (s3rver on loopback) apart from the sessions: when the bucket goes down
 * mid-session, the picture a run shows says why it is missing, the session goes on counting,
 * the server keeps serving, and once the bucket is back the next click shows a picture again.
 */

let bucket: StartedBucket;
let server: Awaited<ReturnType<typeof startEdgelit>>;
let mediaServer: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  bucket = await startS3Bucket();
  const options = { extraArgs: ["--media-storage", bucket.spec], env: S3RVER_CREDENTIALS };
  [server, mediaServer] = await Promise.all([
    startEdgelit({ app: "test/integration/fixtures/bucket-outage-app.ts", ...options }),
    startEdgelit({ app: MEDIA_APP, ...options }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([server?.stop(), mediaServer?.stop()]);
  await bucket?.stop();
});

test("a bucket that goes down mid-session: the element says so, the session and the server carry on", async () => {
  const tab = await openCounter(server.url);
  await click(tab, "New picture");
  expect(linesShown(tab)).toEqual(["Pictures made: 1"]);
  const firstPath = imageSrc(tab, "Picture 1");
  const first = await fetchBytes(server.url, firstPath);
  expect(first.status).toBe(200);
  expect(digest(first.bytes)).toBe(digest(noisePng(64, 64, 101)));

  await bucket.down();
  const during = await click(tab, "New picture");
  expect(during.status).toBe(200);
  expect(linesShown(tab)).toEqual(["Pictures made: 2"]);
  const errors = tab.elements("exception").map((props) => String(props.message));
  expect(errors).toEqual([
    expect.stringMatching(
      /^The media storage could not keep these bytes \(unreachable: ECONNREFUSED\)/,
    ),
  ]);
  // Nothing of the bucket's address or keys reaches the page.
  expect(errors[0]).not.toContain(bucket.endpoint);
  expect(errors[0]).not.toContain("S3RVER");
  // Stored media are unavailable while it is down: 503, not a hang nor a crash.
  expect((await fetchBytes(server.url, firstPath)).status).toBe(503);
  expect((await fetch(`${server.url}/_edgelit/health`)).status).toBe(200);
  expect((await fetch(server.url)).status).toBe(200);

  await bucket.up();
  await click(tab, "New picture");
  expect(tab.elements("exception")).toEqual([]);
  expect(linesShown(tab)).toEqual(["Pictures made: 3"]);
  const third = await fetchBytes(server.url, imageSrc(tab, "Picture 3"));
  expect(third.status).toBe(200);
  expect(digest(third.bytes)).toBe(digest(noisePng(64, 64, 103)));
});

test("an upload while the bucket is down is refused with a sentence; once it is back the same upload works", async () => {
  const tab = await openCounter(mediaServer.url);
  const files = [{ name: "a.bin", type: "application/octet-stream", bytes: someBytes(300_000, 4) }];
  const target = { sessionId: tab.sessionId, widgetId: uploaderId(tab, "Files") };
  await bucket.down();
  try {
    const refused = await upload(mediaServer.url, target, files);
    expect(refused.status).toBe(503);
    expect(refused.error?.message).toBe(
      "The store that keeps uploads is unavailable: the upload was not stored.",
    );
  } finally {
    await bucket.up();
  }
  const stored = await upload(mediaServer.url, target, files);
  expect(stored.status).toBe(200);
  await tab.send([{ id: target.widgetId, value: stored.files!.map((file) => file.id) }]);
  expect(linesShown(tab)).toContain("a.bin: 300000 bytes");
});

test("a bucket that refuses the writes (an unknown access key): the element names its answer, the page still counts", async () => {
  const refused = await startEdgelit({
    app: "test/integration/fixtures/bucket-outage-app.ts",
    extraArgs: ["--media-storage", bucket.spec],
    env: { AWS_ACCESS_KEY_ID: "NOT-A-KEY", AWS_SECRET_ACCESS_KEY: "S3RVER" },
  });
  try {
    const tab = await openCounter(refused.url);
    expect(tab.elements("exception").map((props) => String(props.message))).toEqual([
      expect.stringMatching(/^The media storage could not keep these bytes \(it answered 403 /),
    ]);
    await click(tab, "New picture");
    expect(linesShown(tab)).toEqual(["Pictures made: 1"]);
    expect((await fetch(`${refused.url}/_edgelit/health`)).status).toBe(200);
  } finally {
    await refused.stop();
  }
});
