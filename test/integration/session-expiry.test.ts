import { Redis } from "ioredis";
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, test } from "vitest";
import { postEvent } from "../helpers/events.ts";
import { fsStoreFile } from "../helpers/fs-store.ts";
import { startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";
import { click, countShown, openCounter } from "./counter-tab.ts";

/** Sessions are forgotten after `--session-ttl` idle seconds, and only when idle. */

const TTL_SECONDS = 1;
/**
 * The active session gets a longer TTL: events 500 ms apart then leave 2.5 s
 * of slack for a slow event on a loaded machine (six servers run at once here).
 */
const ACTIVE_TTL_SECONDS = 3;
const keyOf = (sessionId: string) => `edgelit:session:${sessionId}`;

const fsStore = tempDir("edgelit-expiry-fs-");
let redisServer: Awaited<ReturnType<typeof startRedis>> | undefined;
let redis: Redis | undefined;

beforeAll(async () => {
  redisServer = await startRedis();
  redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  redis?.disconnect();
  await redisServer?.stop();
  fsStore.remove();
});

const stores = [
  { name: "memory", storage: () => "memory" },
  { name: "fs", storage: () => `fs:${fsStore.path}` },
  { name: "Redis", storage: () => redisServer!.url },
];

describe.concurrent.each(stores)("idle expiry with $name storage", ({ name, storage }) => {
  let server: Awaited<ReturnType<typeof startEdgelit>> | undefined;
  let activeServer: Awaited<ReturnType<typeof startEdgelit>> | undefined;
  beforeAll(async () => {
    [server, activeServer] = await Promise.all([
      startEdgelit({ storage: storage(), sessionTtl: TTL_SECONDS }),
      startEdgelit({ storage: storage(), sessionTtl: ACTIVE_TTL_SECONDS }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), activeServer?.stop()]);
  });

  test("an idle session expires and its next event is answered 404 session_expired", async ({
    expect,
  }) => {
    const tab = await openCounter(server!.url);
    await click(tab, "Add one");
    // The click's save touched the session before its answer ended, so from here the
    // session is idle; every store counts its TTL from that save.
    const idleSince = Date.now();
    if (name === "fs")
      expect(existsSync(fsStoreFile(fsStore.path, `edgelit:session:${tab.sessionId}`))).toBe(true);
    if (name === "Redis") {
      const ttl = await redis!.pttl(keyOf(tab.sessionId!));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(TTL_SECONDS * 1000);
    }

    // Idle past its TTL, and no more: memory and fs find it expired on load, Redis has dropped the key.
    await sleep(Math.max(0, idleSince + TTL_SECONDS * 1000 + 100 - Date.now()));
    if (name === "Redis") expect(await redis!.exists(keyOf(tab.sessionId!))).toBe(0);

    const answer = await postEvent(server!.url, {
      sessionId: tab.sessionId,
      lastRunId: tab.lastRunId,
      changes: [{ id: tab.widgetId("button", "Add one"), value: true }],
    });
    expect(answer.status).toBe(404);
    expect(answer.error).toEqual({
      code: "session_expired",
      message: "This session has expired or does not exist; start a new one.",
    });
    if (name === "fs")
      expect(existsSync(fsStoreFile(fsStore.path, `edgelit:session:${tab.sessionId}`))).toBe(false);

    // The page recovers by starting a new session, from zero.
    const fresh = await openCounter(server!.url);
    expect(fresh.sessionId).not.toBe(tab.sessionId);
    expect(countShown(fresh)).toBe("0");
  });

  test("a session with an event every 500 ms outlives its TTL", async ({ expect }) => {
    const tab = await openCounter(activeServer!.url);
    // 8 clicks span 4 s, more than the TTL: only a session refreshed by each event gets through.
    for (let i = 1; i <= 8; i++) {
      await sleep(500);
      const answer = await click(tab, "Add one");
      expect(answer.status, `click ${i}: ${JSON.stringify(answer.error)}`).toBe(200);
    }
    expect(countShown(tab)).toBe("8");
    if (name === "Redis") expect(await redis!.pttl(keyOf(tab.sessionId!))).toBeGreaterThan(0);
  });
});
