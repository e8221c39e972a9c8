import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";

/**
 * cacheData keeps results in the store: two `edgelit run` processes sharing
 * a real Redis compute a result once between them, and again after its ttl.
 */

const TTL_SECONDS = 2;
const runsDir = tempDir("edgelit-cache-");
const runsFile = join(runsDir.path, "runs.txt");
let redisServer: Awaited<ReturnType<typeof startRedis>>;
let replicaA: Awaited<ReturnType<typeof startEdgelit>>;
let replicaB: Awaited<ReturnType<typeof startEdgelit>>;
let redis: Redis;

beforeAll(async () => {
  redisServer = await startRedis();
  const options = {
    app: "test/integration/fixtures/shared-cache-app.ts",
    storage: redisServer.url,
    env: { EDGELIT_CACHE_RUNS_FILE: runsFile, EDGELIT_CACHE_TTL: String(TTL_SECONDS) },
  };
  [replicaA, replicaB] = await Promise.all([startEdgelit(options), startEdgelit(options)]);
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  redis?.disconnect();
  await Promise.all([replicaA?.stop(), replicaB?.stop()]);
  await redisServer?.stop();
  runsDir.remove();
});

/** Real executions of the cached function, as "pid n" lines. */
const runs = () =>
  existsSync(runsFile) ? readFileSync(runsFile, "utf8").trim().split("\n").filter(Boolean) : [];

/** Opens a tab on a replica (optionally setting N) and returns the line the app wrote. */
async function shown(url: string, n?: number): Promise<string> {
  const tab = new EventClient(url);
  await tab.send();
  if (n !== undefined) await tab.send([{ id: tab.widgetId("numberInput", "N"), value: n }]);
  expect(tab.last?.status).toBe(200);
  const lines = tab.elements("markdown").map((props) => props.body as string);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

test("a result computed on one replica is reused by the other, until its ttl passes", async () => {
  const onA = await shown(replicaA.url);
  const computedAt = Number(onA.match(/at (\d+)$/)?.[1]);
  expect(onA).toBe(`3 squared is 9, computed by ${replicaA.pid} at ${computedAt}`);
  expect(runs()).toEqual([`${replicaA.pid} 3`]);

  // Replica B has never run the function: it reads A's result (a Date still) from Redis.
  expect(await shown(replicaB.url)).toBe(onA);
  expect(runs()).toEqual([`${replicaA.pid} 3`]);
  expect(await redis.keys("edgelit:cache:*")).toEqual([
    expect.stringMatching(/^edgelit:cache:square-[a-z0-9]+:[0-9a-f]{64}$/),
  ]);

  // Other arguments are another entry, computed once wherever they come first.
  expect(await shown(replicaB.url, 4)).toMatch(
    new RegExp(`^4 squared is 16, computed by ${replicaB.pid} at `),
  );
  expect(await shown(replicaA.url, 4)).toMatch(
    new RegExp(`^4 squared is 16, computed by ${replicaB.pid} at `),
  );
  expect(runs()).toEqual([`${replicaA.pid} 3`, `${replicaB.pid} 4`]);

  // Past the ttl the next call, on either replica, computes afresh.
  const wait = computedAt + TTL_SECONDS * 1000 + 100 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const afterTtl = await shown(replicaB.url);
  expect(afterTtl).toMatch(new RegExp(`^3 squared is 9, computed by ${replicaB.pid} at \\d+$`));
  expect(Number(afterTtl.match(/at (\d+)$/)?.[1])).toBeGreaterThan(computedAt + TTL_SECONDS * 1000);
  expect(await shown(replicaA.url)).toBe(afterTtl);
  expect(runs()).toEqual([`${replicaA.pid} 3`, `${replicaB.pid} 4`, `${replicaB.pid} 3`]);
});

test("edgelit cache clear empties the shared cache in the store, and the next call computes afresh", async () => {
  await shown(replicaA.url, 5);
  const before = runs().length;
  expect(await redis.keys("edgelit:cache:*")).not.toEqual([]);

  const cli = spawnSync(
    process.execPath,
    ["bin/edgelit.mjs", "cache", "clear", "--storage", redisServer.url],
    { encoding: "utf8", timeout: 30_000 },
  );
  expect(cli.status).toBe(0);
  expect(cli.stdout).toMatch(
    /^edgelit: cleared [1-9]\d* cached results? from redis redis:\/\/127\.0\.0\.1:\d+$/m,
  );
  expect(await redis.keys("edgelit:cache:*")).toEqual([]);
  expect(await redis.keys("edgelit:session:*")).not.toEqual([]);

  // A new tab first shows N = 3, then 5: both were cleared, so both are computed again.
  expect(await shown(replicaB.url, 5)).toMatch(
    new RegExp(`^5 squared is 25, computed by ${replicaB.pid} at `),
  );
  expect(runs().slice(before)).toEqual([`${replicaB.pid} 3`, `${replicaB.pid} 5`]);
});
