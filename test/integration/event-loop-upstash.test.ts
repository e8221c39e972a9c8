import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startEdgelit, startRedis } from "../helpers/processes.ts";
import { startUpstashFixture, type UpstashFixture } from "../helpers/upstash-fixture.ts";
import { click, countShown, openCounter } from "./counter-tab.ts";
import { describeEventLoop } from "./event-loop-suite.ts";

// `edgelit run --storage upstash` as a real process, its store reached over
// Upstash's REST API (the fixture) in front of a real redis-server.
let redisServer: Awaited<ReturnType<typeof startRedis>>;
let upstash: UpstashFixture;
let redis: Redis;

beforeAll(async () => {
  redisServer = await startRedis();
  upstash = await startUpstashFixture(redisServer.url);
  redis = new Redis(redisServer.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis?.disconnect();
  await upstash?.stop();
  await redisServer?.stop();
});

const startWithUpstash = () =>
  startEdgelit({
    storage: "upstash",
    env: { UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstash.token },
  });

describeEventLoop("Upstash", {
  async start() {
    const server = await startWithUpstash();
    return { url: server.url, stop: () => server.stop() };
  },
  hasRecord: async (sessionId) => (await redis.exists(`edgelit:session:${sessionId}`)) === 1,
});

describe("edgelit run --storage upstash", () => {
  test("names the store without its token, and a restarted process carries the count on", async () => {
    const before = await startWithUpstash();
    let after: Awaited<ReturnType<typeof startEdgelit>> | undefined;
    try {
      // The store's line follows the "serving" line the start waits for: it may arrive a moment later.
      await expect
        .poll(() => before.output(), { timeout: 5000 })
        .toContain(`sessions in upstash ${upstash.url}`);
      expect(before.output()).not.toContain(upstash.token);
      const tab = await openCounter(before.url);
      await click(tab, "Add one", 3);
      expect(countShown(tab)).toBe("3");
      await before.stop();

      after = await startWithUpstash();
      tab.baseUrl = after.url;
      const answer = await click(tab, "Add one");
      expect(answer.status).toBe(200);
      expect(countShown(tab)).toBe("4");
    } finally {
      await before.stop("SIGKILL");
      await after?.stop();
    }
  });

  test("without the token it refuses to start and names both variables", () => {
    const root = resolve(import.meta.dirname, "../..");
    const result = spawnSync(
      process.execPath,
      ["bin/edgelit.mjs", "run", "examples/counter/app.ts", "--storage", "upstash", "--no-dev"],
      {
        cwd: root,
        env: { ...process.env, UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: "" },
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN");
  });
});
