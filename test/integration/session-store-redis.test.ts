import { createStorage, type Storage } from "unstorage";
import redisDriver from "unstorage/drivers/redis";
import { afterAll, beforeAll } from "vitest";
import { startRedis } from "../helpers/processes.ts";
import { describeSessionStore } from "./session-store-contract.ts";

let redis: Awaited<ReturnType<typeof startRedis>>;
const opened: Storage[] = [];
const open = () => {
  const storage = createStorage({ driver: redisDriver({ url: redis.url }) });
  opened.push(storage);
  return storage;
};

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(opened.map((storage) => storage.dispose()));
  await redis?.stop();
});

// Two storages are two independent connections, as two replicas would have.
describeSessionStore("redis", { storage: open, second: open, guarantee: "atomic" });
