import { createStorage } from "unstorage";
import memoryDriver from "unstorage/drivers/memory";
import redisDriver from "unstorage/drivers/redis";
import { expect, test } from "vitest";
import { storeErrorKind, UnconfirmedSaveError } from "../../../src/session/store-error.ts";
import { expiresKeysItself } from "../../../src/session/store.ts";

test("each store error gets the kind an operator reads in the log", () => {
  const kinds = [
    "READONLY You can't write against a read only replica.",
    "OOM command not allowed when used memory > 'maxmemory'.",
    "MOVED 3999 127.0.0.1:7002",
    "Command timed out",
    "connect ECONNREFUSED 127.0.0.1:6379",
    'Reached the max retries per request limit (which is 2). Refer to "maxRetriesPerRequest" option for details.',
    "CLUSTERDOWN The cluster is down",
    "Too many Cluster redirections. Last error: Error: Connection is closed.",
    "Too many Cluster redirections. Last error: MOVED 3999 127.0.0.1:7002",
    "ERR something else",
  ].map((message) => storeErrorKind(new Error(message)));
  expect(kinds).toEqual([
    "read-only",
    "full",
    "moved",
    "timeout",
    "unreachable",
    "unreachable",
    "unreachable",
    "unreachable",
    "moved",
    "other",
  ]);
  expect(storeErrorKind(new UnconfirmedSaveError(0, 1))).toBe("unconfirmed");
});

test("stores that expire keys themselves are not swept; the others are", () => {
  // lazyConnect: the driver makes its client only when asked; no connection is opened here.
  const redis = createStorage({
    driver: redisDriver({ url: "redis://127.0.0.1:1", lazyConnect: true }),
  });
  expect(expiresKeysItself(redis)).toBe(true);
  expect(expiresKeysItself(createStorage({ driver: memoryDriver() }))).toBe(false);
});
