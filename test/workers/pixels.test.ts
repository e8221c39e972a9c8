import { resolve } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { ServerMessage } from "../../src/protocol/index.ts";
import { postToWorker, startWorker, type WorkerFixture } from "../helpers/worker.ts";

/** Issue 19: raw pixels become a PNG under workerd too, served by its media route. */

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/pixels-worker.ts"),
    kvNamespaces: ["SESSIONS"],
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

test("under workerd, an image from raw pixels is served as a PNG of that size holding them", async () => {
  const messages = await postToWorker(worker, {
    sessionId: null,
    lastRunId: null,
    eventId: "load",
  });
  const image = messages.find((m) => m.type === "element" && m.kind === "image") as Extract<
    ServerMessage,
    { kind: "image" }
  >;
  expect(image.props.items[0]!.caption).toBe("noise");
  const src = image.props.items[0]!.src;
  expect(src).toMatch(/^\/_edgelit\/media\//);
  const media = (await worker.miniflare.dispatchFetch(
    `http://localhost${src}`,
  )) as unknown as Response;
  expect(media.headers.get("content-type")).toBe("image/png");
  const png = Buffer.from(await media.arrayBuffer());
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([90, 60]);
  const idat = png.subarray(41, 41 + png.readUInt32BE(33));
  const raw = inflateSync(idat);
  expect(raw.length).toBe(60 * (90 * 3 + 1));
  let seed = 3;
  const first = Array.from({ length: 6 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  expect([...raw.subarray(1, 7)]).toEqual(first);
});
