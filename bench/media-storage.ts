// `npm run bench:media-storage`: media bytes in a bucket (s3rver on loopback) apart from Redis.
// 1. One `edgelit start` with --media-storage s3://…: a 100 MB video is uploaded, then read back
//    by 1 MiB ranges at random places and twice whole; the server's RSS is sampled throughout.
// 2. Redis bytes per session for hello's media page (each session moves the "Bars" slider, so its
//    chart is its own), with the bytes in Redis and with them in the bucket.
// `BENCH_VIDEO_MB`, `BENCH_RANGES` and `BENCH_SESSIONS` shorten it. Prints the figures;
// BENCHMARKS.md quotes them by hand.
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { Redis } from "ioredis";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  UPLOAD_SESSION_HEADER,
  UPLOAD_URL_HEADER,
} from "../src/protocol/index.ts";
import { startEdgelit, startRedis } from "../test/helpers/processes.ts";
import { S3RVER_CREDENTIALS, startS3Bucket } from "../test/helpers/s3-bucket.ts";

const VIDEO_BYTES = Number(process.env.BENCH_VIDEO_MB ?? 100) * 1024 * 1024;
const RANGES = Number(process.env.BENCH_RANGES ?? 200);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 20);
const RANGE_BYTES = 1024 * 1024;
const NO_LIMITS = {
  ...S3RVER_CREDENTIALS,
  EDGELIT_RATE_LIMIT_REQUESTS_PER_SECOND: "0",
  EDGELIT_RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: "0",
};

/** Resident memory of a Linux process in MB, from /proc. */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) / 1024;
}

/** One event as the page sends it; returns the answer's text and the session's ids. */
async function post(
  baseUrl: string,
  state: { sessionId: string | null; lastRunId: string | null; seq: number },
  changes: unknown[],
  url = "/",
): Promise<string> {
  const response = await fetch(baseUrl + ROUTES.event, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({
      protocol: PROTOCOL_VERSION,
      sessionId: state.sessionId,
      lastRunId: state.lastRunId,
      eventId: `e${++state.seq}`,
      changes,
      url,
    }),
  });
  const body = await response.text();
  if (!body.includes('"type":"finish"')) throw new Error(`no finish: ${body.slice(0, 300)}`);
  state.sessionId = body.match(/"sessionId":"([0-9a-f]+)"/)?.[1] ?? state.sessionId;
  state.lastRunId = body.match(/"type":"finish","runId":"([^"]+)"/)?.[1] ?? state.lastRunId;
  return body;
}

/** A fake MP4 of `size` bytes: an `ftyp` box (what the upload's sniffing checks), then noise. */
function fakeMp4(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = 7;
  for (let i = 0; i < size; i += 4) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state & 0xff;
    bytes[i + 1] = (state >>> 8) & 0xff;
    bytes[i + 2] = (state >>> 16) & 0xff;
    bytes[i + 3] = state >>> 24;
  }
  bytes.set([0, 0, 0, 0x18, ...new TextEncoder().encode("ftypmp42"), 0, 0, 0, 0]);
  return bytes;
}

async function videoByRanges(): Promise<string> {
  const bucket = await startS3Bucket();
  const server = await startEdgelit({
    app: "bench/media-video-app.ts",
    command: "start",
    extraArgs: ["--media-storage", bucket.spec],
    env: NO_LIMITS,
  });
  try {
    const state = { sessionId: null as string | null, lastRunId: null as string | null, seq: 0 };
    const first = await post(server.url, state, []);
    const widget = first.match(/"kind":"fileUploader","props":\{"id":"([^"]+)"/)?.[1];
    if (!widget) throw new Error("the app has no uploader");
    const idle = rssMb(server.pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 50);
    try {
      const form = new FormData();
      form.append(
        "file",
        new Blob([fakeMp4(VIDEO_BYTES) as Uint8Array<ArrayBuffer>], { type: "video/mp4" }),
        "clip.mp4",
      );
      const uploadStarted = performance.now();
      const uploaded = await fetch(
        `${server.url}${ROUTES.upload}?widget=${encodeURIComponent(widget)}`,
        {
          method: "POST",
          headers: {
            [CLIENT_HEADER]: "1",
            [UPLOAD_SESSION_HEADER]: state.sessionId!,
            [UPLOAD_URL_HEADER]: "/",
          },
          body: form,
        },
      );
      const { files } = (await uploaded.json()) as { files?: { id: string }[] };
      if (!files) throw new Error(`upload answered ${uploaded.status}`);
      const uploadMs = performance.now() - uploadStarted;
      const afterUpload = peak;
      const shown = await post(server.url, state, [{ id: widget, value: [files[0]!.id] }]);
      const src =
        shown.match(/"kind":"video","props":\{[^}]*"src":"([^"]+)"/)?.[1] ??
        shown.match(/"src":"(\/_edgelit\/media\/[0-9a-f]+)"/)?.[1];
      if (!src) throw new Error("no video shown");
      peak = rssMb(server.pid);
      const rangesStarted = performance.now();
      let read = 0;
      for (let i = 0; i < RANGES; i++) {
        const start = Math.floor((((i * 7919) % RANGES) / RANGES) * (VIDEO_BYTES - RANGE_BYTES));
        const response = await fetch(server.url + src, {
          headers: { range: `bytes=${start}-${start + RANGE_BYTES - 1}` },
        });
        read += (await response.arrayBuffer()).byteLength;
        if (response.status !== 206) throw new Error(`range answered ${response.status}`);
      }
      const rangesMs = performance.now() - rangesStarted;
      const wholeStarted = performance.now();
      for (let i = 0; i < 2; i++) {
        const response = await fetch(server.url + src);
        const reader = response.body!.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          read += value.length;
        }
      }
      const wholeMs = performance.now() - wholeStarted;
      const stored = bucket.objects().reduce((sum, object) => sum + object.size, 0);
      return [
        `video: ${(VIDEO_BYTES / 1048576).toFixed(0)} MB uploaded in ${(uploadMs / 1000).toFixed(1)} s; bucket holds ${(stored / 1048576).toFixed(1)} MB`,
        `server RSS: ${idle.toFixed(0)} MB idle, peak ${afterUpload.toFixed(0)} MB during the upload; peak ${peak.toFixed(0)} MB while serving ${RANGES} ranges of 1 MiB (${(rangesMs / RANGES).toFixed(1)} ms each) and the whole video twice (${(wholeMs / 2000).toFixed(1)} s each); ${(read / 1048576).toFixed(0)} MB read in all`,
      ].join("\n");
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await server.stop();
    await bucket.stop();
  }
}

async function redisBytesPerSession(withBucket: boolean): Promise<string> {
  const redisServer = await startRedis();
  const bucket = withBucket ? await startS3Bucket() : undefined;
  const redis = new Redis(redisServer.url);
  const server = await startEdgelit({
    app: "examples/hello/app.ts",
    command: "start",
    storage: redisServer.url,
    extraArgs: bucket ? ["--media-storage", bucket.spec] : [],
    env: NO_LIMITS,
  });
  try {
    const usedMemory = async () =>
      Number((await redis.info("memory")).match(/^used_memory:(\d+)/m)?.[1] ?? 0);
    const before = await usedMemory();
    for (let i = 0; i < SESSIONS; i++) {
      const state = { sessionId: null as string | null, lastRunId: null as string | null, seq: 0 };
      const page = await post(server.url, state, [], "/media");
      const bars = page.match(/"kind":"slider","props":\{"id":"([^"]+)"/)?.[1];
      if (!bars) throw new Error("the media page has no slider");
      await post(server.url, state, [{ id: bars, value: 3 + (i % 10) }], "/media");
    }
    const after = await usedMemory();
    let values = 0;
    let keys = 0;
    for (const key of await redis.keys("*")) {
      keys++;
      values += (await redis.memory("USAGE", key)) ?? 0;
    }
    const bucketBytes = bucket?.objects().reduce((sum, object) => sum + object.size, 0) ?? 0;
    return `${withBucket ? "bytes in the bucket" : "bytes in Redis    "}: used_memory +${((after - before) / SESSIONS / 1024).toFixed(1)} KB per session over ${SESSIONS} sessions; ${keys} keys, ${(values / 1024).toFixed(0)} KB by MEMORY USAGE${bucket ? `; bucket ${(bucketBytes / 1024).toFixed(0)} KB` : ""}`;
  } finally {
    redis.disconnect();
    await server.stop();
    await redisServer.stop();
    await bucket?.stop();
  }
}

console.log(
  [
    `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; s3rver on loopback`,
    await videoByRanges(),
    await redisBytesPerSession(false),
    await redisBytesPerSession(true),
  ].join("\n"),
);
