// `npm run bench:first-rows`: time and bytes until the first screen of rows of a 1,000,000 × 10
// frame held by cacheData shows in Chromium, against the counter app's first render (issue 15).
// Both apps are served by `edgelit run` on one redis-server; `BENCH_FRAME_ROWS` shortens the
// frame. Prints the figures; BENCHMARKS.md quotes them by hand.
import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { Redis } from "ioredis";
import type { Page } from "playwright-core";
import { launchBrowser } from "../test/helpers/browser.ts";
import { startEdgelit, startRedis } from "../test/helpers/processes.ts";

/** What one page load moved and took until its first screen showed. */
interface FirstScreen {
  ms: number;
  bytes: number;
  requests: number;
}

const redisServer = await startRedis();
const redis = new Redis(redisServer.url);
const counter = await startEdgelit({ app: "bench/counter-app.ts", storage: redisServer.url });
const frame = await startEdgelit({ app: "bench/frame-app.ts", storage: redisServer.url });
const browser = await launchBrowser();
try {
  const firstScreen = async (url: string, shown: (page: Page) => Promise<unknown>) => {
    const page = await browser.newPage();
    // Each load as a first visit: nothing from the HTTP cache (the batches are immutable-cached).
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const sizes: Promise<number>[] = [];
    page.on("requestfinished", (request) =>
      sizes.push(
        request
          .sizes()
          .then((size) => size.responseBodySize + size.responseHeadersSize)
          .catch(() => 0),
      ),
    );
    const started = performance.now();
    await page.goto(url);
    await shown(page);
    const ms = performance.now() - started;
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    if (page.errors.length > 0) throw new Error(`page errors: ${page.errors.join("; ")}`);
    await page.close();
    return { ms, bytes, requests: sizes.length } satisfies FirstScreen;
  };
  const counterShown = (page: Page, timeout: number) =>
    page.getByText("Count is 0, step 1", { exact: true }).waitFor({ timeout });
  const counterScreen = (url: string) => firstScreen(url, (page) => counterShown(page, 120_000));
  const frameScreen = (url: string) =>
    firstScreen(url, async (page) => {
      await counterShown(page, 600_000);
      // The first screen of rows: its first and its tenth row drawn with their cells.
      const grid = page.getByRole("grid");
      for (const text of ["order 0 of the bench", "order 9 of the bench"])
        await grid.getByRole("gridcell", { name: text, exact: true }).waitFor({ timeout: 600_000 });
    });

  // Warm both servers' code paths (and the browser) on a first visit each; the frame app's first
  // visit also computes the frame and stores its batches (cold), timed apart.
  await counterScreen(counter.url);
  const cold = await frameScreen(frame.url);
  const storeBefore = await storeBytes(redis);
  const counterRuns: FirstScreen[] = [];
  const frameRuns: FirstScreen[] = [];
  for (let round = 0; round < 3; round++) {
    counterRuns.push(await counterScreen(counter.url));
    frameRuns.push(await frameScreen(frame.url));
  }
  const storeAfter = await storeBytes(redis);
  const median = (runs: FirstScreen[]) =>
    [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  const plain = median(counterRuns);
  const withFrame = median(frameRuns);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MB`;
  const show = (run: FirstScreen) =>
    `${run.ms.toFixed(0)} ms, ${mb(run.bytes)} in ${run.requests} requests`;
  console.log(
    [
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      `counter app, first render (median of 3): ${show(plain)}`,
      `frame app, first screen of rows (median of 3, frame cached): ${show(withFrame)}`,
      `ratio: ${(withFrame.ms / plain.ms).toFixed(2)}× time (target < 3×); ${mb(withFrame.bytes)} moved (target < 2 MB)`,
      `frame app, first visit (computes, encodes and stores the frame): ${show(cold)}`,
      `store bytes per new frame session (3 page loads): ${kb((storeAfter - storeBefore) / 3)}`,
      `peak RSS of the frame app's server: ${(peakRssKb(frame.pid) / 1024).toFixed(0)} MB; counter app's: ${(peakRssKb(counter.pid) / 1024).toFixed(0)} MB`,
    ].join("\n"),
  );
} finally {
  await browser.close();
  redis.disconnect();
  await frame.stop();
  await counter.stop();
  await redisServer.stop();
}

// --- Internal helpers ---

/** Bytes the store holds: the length of every string value (the media store keeps base64 text). */
async function storeBytes(client: Redis): Promise<number> {
  let total = 0;
  for (const key of await client.keys("*"))
    total += (await client.type(key)) === "string" ? await client.strlen(key) : 0;
  return total;
}

/** A process's peak resident memory (VmHWM), in KiB, from /proc. */
function peakRssKb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
}
