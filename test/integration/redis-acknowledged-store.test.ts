import { createStorage, type Storage } from "unstorage";
import redisDriver from "unstorage/drivers/redis";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSessionRecord } from "../../src/session/record.ts";
import { createSessionStore } from "../../src/session/store.ts";
import { acknowledgedRedisDriver } from "../../src/stores.ts";
import { UnconfirmedSaveError } from "../../src/session/store-error.ts";
import { startRedisWith, type RedisNode } from "../helpers/redis-topology.ts";
import { describeSessionStore } from "./session-store-contract.ts";

/**
 * The Redis store the CLI opens (`acknowledgedRedisDriver`): the session
 * store contract, and `WAIT` on its saves: a save fewer replicas hold than
 * asked is refused as unconfirmed, and confirmed once a replica holds it.
 */

let primary: RedisNode;
let replica: RedisNode;
const opened: Storage[] = [];
const open = (replicas: number) => () => {
  const url = `redis://127.0.0.1:${primary.port}`;
  const storage = createStorage({
    driver: acknowledgedRedisDriver(redisDriver({ url }), { replicas, timeoutMs: 200 }),
  });
  opened.push(storage);
  return storage;
};

beforeAll(async () => {
  primary = await startRedisWith(["--appendonly", "yes"]);
});
afterAll(async () => {
  await Promise.all(opened.map((storage) => storage.dispose()));
  await replica?.dispose();
  await primary?.dispose();
});

describeSessionStore("redis, acknowledged", {
  storage: open(0),
  second: open(0),
  guarantee: "atomic",
});

describe("WAIT on each save", () => {
  test(
    "with no replica to hold it, a save asking for one is unconfirmed; with one, it is confirmed",
    { timeout: 60_000 },
    async () => {
      const sessions = createSessionStore(open(1)());
      const id = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeee01";
      await expect(sessions.save(id, createSessionRecord(), 0)).rejects.toBeInstanceOf(
        UnconfirmedSaveError,
      );
      // The primary holds it all the same: the page's retry finds it (and its event id) there.
      expect((await sessions.load(id))?.version).toBe(1);

      replica = await startRedisWith([
        "--appendonly",
        "yes",
        "--replicaof",
        "127.0.0.1",
        String(primary.port),
      ]);
      // A loaded machine can take many seconds to sync a new replica: wait (bounded) until it is online.
      const probe = new Redis({ host: "127.0.0.1", port: primary.port });
      const online = async () => /slave0:.*state=online/.test(await probe.info("replication"));
      for (let i = 0; i < 600 && !(await online()); i++)
        await new Promise((done) => setTimeout(done, 50));
      expect(await online()).toBe(true);
      probe.disconnect();
      expect((await sessions.save(id, createSessionRecord(), 1))?.version).toBe(2);
    },
  );
});
