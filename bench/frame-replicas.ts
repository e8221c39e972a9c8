// `npm run bench:frame-replicas`: the 1,000,000-row cached frame (bench/frame-app.ts) served by two
// `edgelit start` replicas behind a real nginx, round robin with no affinity, sessions and the
// frame's batches in one Redis: one replica computes the frame, the next click lands on the other.
// Beside it, the counter app the same way. `BENCH_FRAME_ROWS` and `BENCH_FRAME_CLICKS` shorten it.
// Prints the figures; BENCHMARKS.md quotes them by hand.
import { cpus } from "node:os";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../src/protocol/index.ts";
import { startNginx } from "../test/helpers/nginx.ts";
import { startEdgelit, startRedis } from "../test/helpers/processes.ts";
import { cpuSecondsOf } from "./processes.ts";

const CLICKS = Number(process.env.BENCH_FRAME_CLICKS ?? 400);
/** Clicks before the measured ones, so that both replicas have the frame decoded (timed apart). */
const WARM_UP_CLICKS = 4;
const NO_LIMITS = {
  EDGELIT_RATE_LIMIT_REQUESTS_PER_SECOND: "0",
  EDGELIT_RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: "0",
};

interface Figures {
  firstWallMs: number;
  firstBytes: number;
  /** CPU of both replicas over the first clicks, one on each replica: the other one's first rerun reads and decodes the frame. */
  warmUpCpuMs: number;
  cpuMsPerClick: number;
  bytesPerClick: number;
  /** Answers per replica (by its address), over the clicks. */
  served: Record<string, number>;
  /** Replicas that served one stored batch of the frame, asked once per replica. */
  batchServedBy: string[];
}

async function measure(app: string, redisUrl: string): Promise<Figures> {
  const replicas = await Promise.all(
    [0, 1].map(() => startEdgelit({ app, command: "start", storage: redisUrl, env: NO_LIMITS })),
  );
  const nginx = await startNginx(replicas.map((replica) => replica.port));
  try {
    let sessionId: string | null = null;
    let lastRunId: string | null = null;
    let seq = 0;
    const tab = `${Date.now().toString(36)}.bench`;
    const post = async (changes: unknown[]) => {
      const response = await fetch(nginx.url + ROUTES.event, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sessionId,
          lastRunId,
          eventId: `e${++seq}`,
          seq: { tab, n: seq },
          changes,
        }),
      });
      const body = await response.text();
      if (!body.includes('"type":"finish"')) throw new Error(`no finish: ${body.slice(0, 300)}`);
      sessionId = body.match(/"sessionId":"([0-9a-f]+)"/)?.[1] ?? sessionId;
      lastRunId = body.match(/"type":"finish","runId":"([^"]+)"/)?.[1] ?? lastRunId;
      return { body, upstream: response.headers.get("x-edgelit-upstream") ?? "?" };
    };
    const started = performance.now();
    const first = await post([]);
    const firstWallMs = performance.now() - started;
    const button = first.body.match(/"kind":"button","props":\{"id":"([^"]+)"/)?.[1];
    const batch = first.body.match(/"batches":\["([0-9a-f]+)"/)?.[1];
    if (!button) throw new Error("the app has no button");
    const cpuOf = () => replicas.reduce((sum, replica) => sum + cpuSecondsOf(replica.pid), 0);
    const cpuAtStart = cpuOf();
    for (let i = 0; i < WARM_UP_CLICKS; i++) await post([{ id: button, value: true }]);
    const cpuBefore = cpuOf();
    const served: Record<string, number> = {};
    let bytes = 0;
    for (let i = 0; i < CLICKS; i++) {
      const answer = await post([{ id: button, value: true }]);
      bytes += answer.body.length;
      served[answer.upstream] = (served[answer.upstream] ?? 0) + 1;
    }
    const cpuAfter = cpuOf();
    const batchServedBy: string[] = [];
    if (batch) {
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${nginx.url}${ROUTES.media}${batch}`);
        await response.arrayBuffer();
        if (response.ok) batchServedBy.push(response.headers.get("x-edgelit-upstream") ?? "?");
      }
    }
    return {
      firstWallMs,
      firstBytes: first.body.length,
      warmUpCpuMs: (cpuBefore - cpuAtStart) * 1000,
      cpuMsPerClick: ((cpuAfter - cpuBefore) * 1000) / CLICKS,
      bytesPerClick: bytes / CLICKS,
      served,
      batchServedBy,
    };
  } finally {
    await nginx.stop();
    await Promise.all(replicas.map((replica) => replica.stop()));
  }
}

const redis = await startRedis();
try {
  const counter = await measure("bench/counter-app.ts", redis.url);
  const frame = await measure("bench/frame-app.ts", redis.url);
  const share = (figures: Figures) =>
    Object.values(figures.served)
      .map((count) => `${count}`)
      .join(" / ");
  console.log(
    [
      `machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}; ${CLICKS} clicks each, two replicas behind nginx round robin, Redis`,
      `counter app: first ${WARM_UP_CLICKS} clicks ${counter.warmUpCpuMs.toFixed(0)} ms CPU; then ${counter.cpuMsPerClick.toFixed(3)} ms CPU per click (both replicas), ${counter.bytesPerClick.toFixed(0)} B per answer; answers per replica ${share(counter)}`,
      `frame app:   first page ${frame.firstWallMs.toFixed(0)} ms wall, ${frame.firstBytes} B; first ${WARM_UP_CLICKS} clicks (the other replica decodes the frame once) ${frame.warmUpCpuMs.toFixed(0)} ms CPU; then ${frame.cpuMsPerClick.toFixed(3)} ms CPU per click, ${frame.bytesPerClick.toFixed(0)} B per answer; answers per replica ${share(frame)}`,
      `ratio: ${(frame.cpuMsPerClick / counter.cpuMsPerClick).toFixed(2)}× CPU (target ≤ 1.5×); ${frame.bytesPerClick.toFixed(0)} B per answer (target < 1 KB)`,
      `one stored batch asked twice through nginx: served by ${frame.batchServedBy.join(" and ") || "none"}`,
    ].join("\n"),
  );
} finally {
  await redis.stop();
}
