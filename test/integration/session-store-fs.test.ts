import { createStorage } from "unstorage";
import fsDriver from "unstorage/drivers/fs";
import { afterAll, expect, test } from "vitest";
import { tempDir } from "../helpers/processes.ts";
import { describeSessionStore } from "./session-store-contract.ts";

const dir = tempDir("edgelit-store-fs-");
afterAll(() => dir.remove());

describeSessionStore("fs", {
  storage: () => createStorage({ driver: fsDriver({ base: dir.path }) }),
  guarantee: "checked",
});

test("the sweep deletes fs session files idle past the TTL and keeps the others", async () => {
  const { createSessionStore } = await import("../../src/session/store.ts");
  const { createSessionRecord } = await import("../../src/session/record.ts");
  let now = 1_000_000;
  const storage = createStorage({ driver: fsDriver({ base: `${dir.path}/sweep` }) });
  const sessions = createSessionStore(storage, { ttlSeconds: 60, now: () => now });
  await sessions.save("a".repeat(32), createSessionRecord(now), 0);
  now += 50_000;
  await sessions.save("b".repeat(32), createSessionRecord(now), 0);
  now += 20_000; // a is 70 s idle, b 20 s
  expect(await sessions.sweepExpired()).toBe(1);
  expect((await storage.getKeys("edgelit:session")).map((key) => key.split(":").at(-1))).toEqual([
    "b".repeat(32),
  ]);
});
