import { resolve } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { click, countShown, openCounter } from "../integration/counter-tab.ts";
import { startRedis } from "../helpers/processes.ts";
import { startWorker, type WorkerFixture } from "../helpers/worker.ts";
import { startUpstashFixture, type UpstashFixture } from "../helpers/upstash-fixture.ts";

// The counter as a Worker under workerd, its sessions in Upstash: the REST
// fixture on 127.0.0.1 in front of a real redis-server.
let redisServer: Awaited<ReturnType<typeof startRedis>>;
let upstash: UpstashFixture;
let worker: WorkerFixture;
let workerUrl: string;

beforeAll(async () => {
  redisServer = await startRedis();
  upstash = await startUpstashFixture(redisServer.url);
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/upstash-worker.ts"),
    bindings: { UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstash.token },
    listen: true,
  });
  workerUrl = worker.url!;
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
  await upstash?.stop();
  await redisServer?.stop();
});

test("under workerd, the counter Worker keeps its sessions in Upstash", async () => {
  const tab = await openCounter(workerUrl);
  expect(countShown(tab)).toBe("0");
  await click(tab, "Add one", 2);
  expect(countShown(tab)).toBe("2");

  const redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    const stored = JSON.parse((await redis.get(`edgelit:session:${tab.sessionId}`))!);
    expect(stored.json).toMatchObject({ version: 3, session: { count: 2 } });
  } finally {
    redis.disconnect();
  }
});
