import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createStorage, type Storage } from "unstorage";
import { clusterWideKeys } from "./cluster-wide-keys.ts";
import { acknowledgedRedisDriver } from "../../../src/session/redis-acknowledged.ts";
import { storeErrorLine } from "../../../src/server/server-log.ts";
import {
  clusterOptions,
  isRedisUrl,
  parseRedisUrl,
  sentinelOptions,
  type RedisTarget,
} from "./redis-url.ts";

/**
 * ioredis waits out an outage by default, queueing commands for some twenty
 * reconnection attempts: an event would hang for many seconds. Failing fast
 * instead lets the page say the store is down and retry on its own.
 */
const REDIS_CLIENT_OPTIONS = {
  maxRetriesPerRequest: 2,
  connectTimeout: 2000,
  commandTimeout: 5000,
};

/** A store chosen on the command line, and how to describe it. */
export interface ChosenStorage {
  storage: Storage;
  description: string;
  /** The Redis deployment, when the store is Redis: the startup check inspects it. */
  redis?: RedisTarget;
}

/** Settings besides `--storage` that shape the store. */
export interface StorageFlagOptions {
  /** Replicas that must hold a Redis save before the page is told it counted (`WAIT`). Default 0. */
  storageReplicas?: number;
}

/**
 * The store for `--storage`: `memory`, `fs` (in .edgelit/store) or `fs:<dir>`
 * (created if missing; throws when it cannot be written), a Redis URL
 * (`redis://`, `rediss://`, `redis+sentinel://…/master`, `redis+cluster://…`;
 * see parseRedisUrl), or `upstash` (its REST URL and token from
 * UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN). Only the chosen store's
 * driver is loaded (ioredis alone costs a fresh process a third of its memory).
 *
 * @example
 * const { storage, description } = await storageFromFlag("fs", process.cwd());
 */
export async function storageFromFlag(
  flag: string,
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  options: StorageFlagOptions = {},
): Promise<ChosenStorage> {
  if (flag === "memory") {
    const { default: memoryDriver } = await import("unstorage/drivers/memory");
    return {
      storage: createStorage({ driver: memoryDriver() }),
      description: "memory (sessions are lost on restart)",
    };
  }
  if (flag === "fs" || flag.startsWith("fs:")) {
    const base = resolve(cwd, flag === "fs" ? ".edgelit/store" : flag.slice(3));
    assertWritableDirectory(base);
    const { privateFsDriver } = await import("../private-fs-driver.ts");
    return {
      storage: createStorage({ driver: privateFsDriver({ base }) }),
      description: `fs ${base}`,
    };
  }
  if (isRedisUrl(flag)) return await redisStorage(parseRedisUrl(flag), options);
  if (flag === "upstash") {
    const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
    if (!url || !token) {
      throw new Error(
        "--storage upstash needs UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN in the environment",
      );
    }
    if (!/^https?:\/\/\S+$/.test(url))
      throw new Error(`UPSTASH_REDIS_REST_URL must be an https:// URL; got "${url}"`);
    const { createUpstashStorage } = await import("../../../src/session/upstash-store.ts");
    // The token is a secret: the description names the URL only.
    return { storage: createUpstashStorage({ url, token }), description: `upstash ${url}` };
  }
  throw new Error(
    `--storage must be memory, fs, fs:<dir>, a redis://, rediss://, redis+sentinel:// or redis+cluster:// URL, or upstash; got "${flag}"`,
  );
}

// --- Internal helpers ---

/** unstorage's Redis driver for `target`, its saves acknowledged by as many replicas as configured. */
async function redisStorage(
  target: RedisTarget,
  options: StorageFlagOptions,
): Promise<ChosenStorage> {
  const { default: redisDriver } = await import("unstorage/drivers/redis");
  let driver;
  if (target.kind === "single")
    driver = redisDriver(
      Object.assign({ url: target.url }, REDIS_CLIENT_OPTIONS, {
        // A primary turned replica: reconnect, and let the command fail (the page retries it).
        reconnectOnError: (error: Error) => (error.message.startsWith("READONLY") ? 1 : false),
      }),
    );
  else if (target.kind === "sentinel")
    driver = redisDriver(sentinelOptions(target, REDIS_CLIENT_OPTIONS));
  else {
    const { nodes, options: clusterSettings } = clusterOptions(target, REDIS_CLIENT_OPTIONS);
    driver = clusterWideKeys(redisDriver({ cluster: nodes, clusterOptions: clusterSettings }));
  }
  logOutagesOnce(driver.getInstance?.() as Parameters<typeof logOutagesOnce>[0]);
  const replicas = options.storageReplicas ?? 0;
  return {
    storage: createStorage({ driver: acknowledgedRedisDriver(driver, { replicas }) }),
    description: `redis ${target.shown}${replicas > 0 ? ` (each save on ${replicas} replica${replicas === 1 ? "" : "s"})` : ""}`,
    redis: target,
  };
}

/**
 * Without an error listener, ioredis prints a stack for every failed
 * reconnection while Redis is down. The failed loads and saves are logged by
 * the server, one entry each; the connection itself gets one line when it is
 * lost and none again until it is back.
 */
function logOutagesOnce(
  client: { on(event: string, listener: (error?: unknown) => void): unknown } | undefined,
): void {
  let lost = false;
  client?.on("error", (error) => {
    if (lost) return;
    lost = true;
    console.error(`[edgelit] store connection lost: ${storeErrorLine(error)}`);
  });
  client?.on("ready", () => void (lost = false));
}

/**
 * Creates `base` if need be and writes a file in it. The fs driver only fails
 * when a session is saved, which the page would show as an expired session on
 * every click; failing at startup names the directory instead.
 */
export function assertWritableDirectory(base: string, what = "the fs store directory"): void {
  const probe = join(base, `.edgelit-write-check-${process.pid}`);
  try {
    mkdirSync(base, { recursive: true, mode: 0o700 });
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`${what} ${base} cannot be written (${code ?? message})`);
  }
}
