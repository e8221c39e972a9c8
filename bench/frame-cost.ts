import type { Redis } from "ioredis";
import type { Storage } from "unstorage";
import { CLIENT_HEADER, PROTOCOL_VERSION } from "../src/protocol/index.ts";
import { createServer, type EdgelitServer } from "../src/server/create-server.ts";
import counterApp from "./counter-app.ts";
import frameApp, { defineFrameLoader, FRAME_ROWS } from "./frame-app.ts";

/** What a frame held by cacheData costs, beside the counter app without it. */
export interface FrameCost {
  rows: number;
  /** The first page of the frame app: computing, encoding and storing the frame. */
  firstLoad: { cpuMs: number; wallMs: number; bytes: number };
  /** CPU per click elsewhere (the frame unchanged), and the answer's body bytes. */
  counterMsPerEvent: number;
  frameMsPerEvent: number;
  counterBytes: number;
  frameBytes: number;
  /** Bytes of one session's record in the store, each app. */
  counterRecordBytes: number;
  frameRecordBytes: number;
  /** Store bytes each new session of the frame app adds (its record and anything else it keeps). */
  storeBytesPerFrameSession: number;
  /** The frame's batches in the store: stored once, shared by every session and replica. */
  batchCount: number;
  batchBytes: number;
  /** A replica that did not compute it: its first call reads and decodes the stored batches. */
  replicaDecode: { cpuMs: number; wallMs: number };
  peakRssMb: number;
  /** RSS once the clicks are done: the Table, its batches and the server, with garbage collected as it goes. */
  rssAfterClicksMb: number;
}

/**
 * Runs both apps in this process on one store (Redis), one tab each:
 * alternating blocks of clicks on "Add one", `clicks` of each in all.
 */
export async function measureFrameCost(
  storage: Storage,
  redis: Redis,
  clicks = 2000,
): Promise<FrameCost> {
  const counter = openTab(createServer({ app: counterApp, storage }));
  const frame = openTab(createServer({ app: frameApp, storage }));
  await counter.post([]);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const firstBytes = Buffer.byteLength(await frame.post([]));
  const firstCpu = process.cpuUsage(cpuBefore);
  const firstLoad = {
    cpuMs: (firstCpu.user + firstCpu.system) / 1000,
    wallMs: performance.now() - wallBefore,
    bytes: firstBytes,
  };

  const clickBlock = async (tab: Tab, count: number) => {
    let bytes = 0;
    const before = process.cpuUsage();
    for (let i = 0; i < count; i++) bytes = Buffer.byteLength(await tab.click("Add one"));
    const used = process.cpuUsage(before);
    return { ms: (used.user + used.system) / 1000, bytes };
  };
  await clickBlock(counter, 200);
  await clickBlock(frame, 200);
  const totals = { counter: 0, frame: 0, counterBytes: 0, frameBytes: 0 };
  const block = Math.max(1, Math.floor(clicks / 10));
  for (let round = 0; round < 10; round++) {
    const plain = await clickBlock(counter, block);
    const withFrame = await clickBlock(frame, block);
    totals.counter += plain.ms;
    totals.frame += withFrame.ms;
    totals.counterBytes = plain.bytes;
    totals.frameBytes = withFrame.bytes;
  }

  const rssAfterClicksMb = process.memoryUsage().rss / 2 ** 20;
  const recordBytes = async (sessionId: string) => {
    const [key] = await redis.keys(`edgelit:session:*${sessionId.slice(0, 32)}*`);
    return key ? await redis.strlen(key) : 0;
  };
  const storeBytes = async () => {
    let total = 0;
    for (const key of await redis.keys("*")) total += await redis.strlen(key);
    return total;
  };
  const batchCount = (await redis.keys("edgelit:media:*")).length;
  let batchBytes = 0;
  for (const key of await redis.keys("edgelit:chunks:media:*"))
    batchBytes += await redis.strlen(key);

  const before = await storeBytes();
  const sessions = 10;
  for (let i = 0; i < sessions; i++) await openTab(frame.server).click("Add one", true);
  const storeBytesPerFrameSession = ((await storeBytes()) - before) / sessions;

  const replica = defineFrameLoader();
  const decodeCpu = process.cpuUsage();
  const decodeWall = performance.now();
  const decoded = await replica(FRAME_ROWS);
  const decodeUsed = process.cpuUsage(decodeCpu);
  if (decoded.numRows !== FRAME_ROWS) throw new Error("the replica's frame has the wrong rows");

  return {
    rows: FRAME_ROWS,
    firstLoad,
    counterMsPerEvent: totals.counter / (block * 10),
    frameMsPerEvent: totals.frame / (block * 10),
    counterBytes: totals.counterBytes,
    frameBytes: totals.frameBytes,
    counterRecordBytes: await recordBytes(counter.sessionId()),
    frameRecordBytes: await recordBytes(frame.sessionId()),
    storeBytesPerFrameSession,
    batchCount,
    batchBytes,
    replicaDecode: {
      cpuMs: (decodeUsed.user + decodeUsed.system) / 1000,
      wallMs: performance.now() - decodeWall,
    },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssAfterClicksMb,
  };
}

interface Tab {
  server: EdgelitServer;
  post(changes: unknown[]): Promise<string>;
  /** Clicks the button (loading the page first when `load`). */
  click(label: string, load?: boolean): Promise<string>;
  sessionId(): string;
}

function openTab(server: EdgelitServer): Tab {
  let sessionId: string | null = null;
  let lastRunId: string | null = null;
  let events = 0;
  const buttons = new Map<string, string>();
  const post = async (changes: unknown[]) => {
    const response = await server.fetch(
      new Request("http://bench.local/_edgelit/event", {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sessionId,
          lastRunId,
          eventId: `e${events++}`,
          changes,
        }),
      }),
    );
    const body = await response.text();
    sessionId = body.match(/"sessionId":"([0-9a-f]{32}(?:[0-9a-f]{24})?)"/)?.[1] ?? sessionId;
    const finished = body.match(/"type":"finish","runId":"([^"]+)"/)?.[1];
    if (!finished) throw new Error(`the bench's event did not finish: ${body.slice(0, 300)}`);
    lastRunId = finished;
    for (const [, id, label] of body.matchAll(
      /"kind":"button","props":\{"id":"([^"]+)","label":"([^"]+)"/g,
    ))
      buttons.set(label!, id!);
    return body;
  };
  return {
    server,
    post,
    async click(label, load) {
      if (load) await post([]);
      return post([{ id: buttons.get(label), value: true }]);
    },
    sessionId: () => sessionId ?? "",
  };
}
