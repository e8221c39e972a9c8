import type { Redis } from "@upstash/redis";
import { createStorage, type Driver, type Storage } from "unstorage";
import upstashDriver, { type UpstashOptions } from "unstorage/drivers/upstash";
import { REDIS_COMPARE_AND_SET, type AtomicDriver } from "./conditional-write.ts";

/** Options of {@link createUpstashStorage}. */
export interface UpstashStorageOptions {
  /** The REST URL, as UPSTASH_REDIS_REST_URL (`https://…`). */
  url: string;
  /** The REST token, as UPSTASH_REDIS_REST_TOKEN. */
  token: string;
  /** Prefix for every key, joined with ":" as unstorage's upstash driver does. */
  base?: string;
  /** Retries of a request that could not be sent. Default: 2 (50 and 100 ms apart); `false` for none. */
  retry?: UpstashOptions["retry"];
}

/**
 * Session storage in Upstash Redis, over its REST API (so it runs in Workers
 * and other runtimes without TCP). Saves are atomic: the driver's
 * `compareAndSet` runs edgelit's compare-and-set as one Lua script, as on Redis.
 *
 * @example
 * export default createWorker({
 *   app,
 *   storage: (env) => createUpstashStorage({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN }),
 * });
 */
export function createUpstashStorage(options: UpstashStorageOptions): Storage {
  const driver = upstashDriver({
    url: options.url,
    token: options.token,
    base: options.base,
    retry: options.retry ?? { retries: 2, backoff: (attempt) => 50 * 2 ** attempt },
    enableTelemetry: false,
    // Auto-pipelining would be safe (the compare-and-set is one EVAL, and an
    // event awaits its load before its save, so the client's separate read and
    // write batches cannot reorder them) but buys nothing: it only batches calls
    // made within a few microtasks. Off, each command is one request and fails alone.
    enableAutoPipelining: false,
  });
  const prefix = normalizeKey(options.base);
  const atomicDriver: Driver & AtomicDriver = {
    ...driver,
    async compareAndSet(key, value, expectedVersion, ttlSeconds) {
      const client = driver.getInstance!() as Redis;
      // The key unstorage's own get and set use for `key`.
      const redisKey = [prefix, normalizeKey(key)].filter(Boolean).join(":");
      return (
        (await client.eval(
          REDIS_COMPARE_AND_SET,
          [redisKey],
          [value, expectedVersion, ttlSeconds],
        )) === 1
      );
    },
  };
  return createStorage({ driver: atomicDriver });
}

/** As unstorage's drivers normalize keys and bases: ":" for "/" and "\", no ":" at either end. */
function normalizeKey(key: string | undefined): string {
  return key ? key.replace(/[:/\\]/g, ":").replace(/^[:/\\]|[:/\\]$/g, "") : "";
}
