// `npx tsx --conditions=edgelit-source bench/frame.ts`: a 1,000,000-row frame held by cacheData,
// beside the counter app without it (issue 15). `BENCH_FRAME_ROWS` and `BENCH_FRAME_CLICKS`
// shorten it. Prints the figures; BENCHMARKS.md quotes them by hand.
import { cpus, totalmem } from "node:os";
import { Redis } from "ioredis";
import { createStorage } from "unstorage";
import redisDriver from "unstorage/drivers/redis";
import { startRedis } from "../test/helpers/processes.ts";
import { measureFrameCost } from "./frame-cost.ts";

const redisServer = await startRedis();
const storage = createStorage({ driver: redisDriver({ url: redisServer.url }) });
const client = new Redis(redisServer.url);
try {
  const cost = await measureFrameCost(
    storage,
    client,
    Number(process.env.BENCH_FRAME_CLICKS ?? 2000),
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
  console.log(
    [
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      `frame: ${cost.rows.toLocaleString("en")} rows × 10 columns, ${cost.batchCount} batches, ${mb(cost.batchBytes)} in the store (once, shared)`,
      `first page (compute, encode, store): ${cost.firstLoad.cpuMs.toFixed(0)} ms CPU, ${cost.firstLoad.wallMs.toFixed(0)} ms wall, ${kb(cost.firstLoad.bytes)} answer`,
      `click elsewhere, counter app: ${cost.counterMsPerEvent.toFixed(3)} ms CPU per event, ${cost.counterBytes} B answer`,
      `click elsewhere, frame app:   ${cost.frameMsPerEvent.toFixed(3)} ms CPU per event, ${cost.frameBytes} B answer`,
      `ratio: ${(cost.frameMsPerEvent / cost.counterMsPerEvent).toFixed(2)}× CPU (target ≤ 1.5×); answer ${cost.frameBytes} B (target < 1 KB)`,
      `session record: counter ${cost.counterRecordBytes} B, frame ${cost.frameRecordBytes} B; store bytes per new frame session: ${cost.storeBytesPerFrameSession.toFixed(0)} B`,
      `a replica that did not compute it, first call: ${cost.replicaDecode.cpuMs.toFixed(0)} ms CPU, ${cost.replicaDecode.wallMs.toFixed(0)} ms wall (reads and decodes the batches once)`,
      `peak RSS: ${cost.peakRssMb.toFixed(0)} MB (building the frame in JS included); RSS after the clicks: ${cost.rssAfterClicksMb.toFixed(0)} MB`,
    ].join("\n"),
  );
} finally {
  client.disconnect();
  await storage.dispose();
  await redisServer.stop();
}
