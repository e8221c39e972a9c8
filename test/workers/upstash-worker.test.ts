import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Redis } from "ioredis";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundleWorker } from "../../bench/worker.ts";
import { click, countShown, openCounter } from "../integration/counter-tab.ts";
import { startRedis, tempDir } from "../helpers/processes.ts";
import { startUpstashFixture, type UpstashFixture } from "../helpers/upstash-fixture.ts";

// The counter as a Worker under workerd, its sessions in Upstash: the REST
// fixture on 127.0.0.1 in front of a real redis-server.
const out = tempDir("edgelit-upstash-worker-");
let redisServer: Awaited<ReturnType<typeof startRedis>>;
let upstash: UpstashFixture;
let miniflare: Miniflare;
let workerUrl: string;

beforeAll(async () => {
  redisServer = await startRedis();
  upstash = await startUpstashFixture(redisServer.url);
  const config = join(out.path, "wrangler.toml");
  const main = resolve(import.meta.dirname, "fixtures/upstash-worker.ts");
  writeFileSync(config, `name = "edgelit-upstash-test"\nmain = ${JSON.stringify(main)}\ncompatibility_date = "2026-04-26"\n`);
  const script = bundleWorker(join(out.path, "bundle"), config);
  miniflare = new Miniflare({
    modules: true,
    scriptPath: script,
    // Module names are taken relative to this folder; the default breaks for a bundle outside the project.
    modulesRoot: dirname(script),
    compatibilityDate: "2026-04-26",
    bindings: { UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstash.token },
    host: "127.0.0.1",
    port: 0,
    cf: false,
  });
  workerUrl = (await miniflare.ready).origin;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  await upstash?.stop();
  await redisServer?.stop();
  out.remove();
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
