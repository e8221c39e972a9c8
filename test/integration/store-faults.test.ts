import { afterAll, beforeAll, expect, test } from "vitest";
import { startEdgelit, startRedis, type StartedRedis } from "../helpers/processes.ts";
import { click, countShown, openCounter } from "./counter-tab.ts";

let redis: StartedRedis;
let server: Awaited<ReturnType<typeof startEdgelit>>;

beforeAll(async () => {
  redis = await startRedis();
  server = await startEdgelit({ storage: redis.url });
});
afterAll(async () => {
  if (redis) process.kill(redis.pid, "SIGCONT");
  await server?.stop();
  await redis?.stop();
});

test("a store that hangs gets a clear 503 instead of a hung page, and the session is intact once it answers again", async () => {
  const tab = await openCounter(server.url);
  await click(tab, "Add one", 2);
  expect(countShown(tab)).toBe("2");

  // Frozen, not gone: connections stay open and nothing answers.
  process.kill(redis.pid, "SIGSTOP");
  try {
    const stalled = await click(tab, "Add one");
    expect(stalled.status).toBe(503);
    expect(stalled.error?.code).toBe("store_unavailable");
    expect(stalled.error?.message).toMatch(/^The session store is unavailable: /);
  } finally {
    process.kill(redis.pid, "SIGCONT");
  }

  const after = await click(tab, "Add one");
  expect(after.status).toBe(200);
  expect(countShown(tab)).toBe("3");
}, 30_000);
