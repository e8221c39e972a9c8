import type { Driver } from "unstorage";
import { REDIS_COMPARE_AND_SET, type AtomicDriver } from "./conditional-write.ts";
import { UnconfirmedSaveError } from "./store-error.ts";

/** Options of {@link acknowledgedRedisDriver}. */
export interface RedisAcknowledgementOptions {
  /** Replicas that must hold a save before it counts (Redis `WAIT`); 0: the primary alone. */
  replicas: number;
  /** How long to wait for them, in milliseconds. Default 2000. */
  timeoutMs?: number;
}

type PipelineResult = [Error | null, unknown][] | null;

const COMMAND = "edgelitCompareAndSet";

interface RedisPipelineClient {
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
  pipeline(): Record<typeof COMMAND, (key: string, ...args: (string | number)[]) => unknown> & {
    wait(replicas: number, timeoutMs: number): unknown;
    exec(): Promise<PipelineResult>;
  };
}

/**
 * Wraps unstorage's Redis driver (a single server, Sentinel or Cluster client)
 * so each save is edgelit's compare-and-set followed, on the same connection,
 * by `WAIT replicas timeout`. A save that fewer replicas acknowledged throws
 * {@link UnconfirmedSaveError}: the page is told it did not count and sends the
 * event again under the same id, which applies it once whether or not this
 * save survives. The session record is one key, so on a Cluster the script
 * and its WAIT go to the one node that serves that key.
 *
 * @example
 * const storage = createStorage({ driver: acknowledgedRedisDriver(redisDriver({ url }), { replicas: 1 }) });
 */
export function acknowledgedRedisDriver(
  driver: Driver,
  options: RedisAcknowledgementOptions,
): Driver & AtomicDriver {
  const base = String((driver.options as { base?: string } | undefined)?.base ?? "").replace(
    /:$/,
    "",
  );
  const timeoutMs = options.timeoutMs ?? 2000;
  let defined: RedisPipelineClient | undefined;
  // ioredis sends a defined command by its SHA and loads the script on a node that lacks it.
  const client = () => {
    const instance = driver.getInstance!() as RedisPipelineClient;
    if (defined !== instance) {
      instance.defineCommand(COMMAND, { numberOfKeys: 1, lua: REDIS_COMPARE_AND_SET });
      defined = instance;
    }
    return instance;
  };

  return Object.assign({}, driver, {
    async compareAndSet(key: string, value: string, expectedVersion: number, ttlSeconds: number) {
      const redisKey = base ? `${base}:${key}` : key;
      const pipeline = client().pipeline();
      pipeline[COMMAND](redisKey, value, expectedVersion, ttlSeconds);
      if (options.replicas > 0) pipeline.wait(options.replicas, timeoutMs);
      const results = await pipeline.exec();
      const [written, acknowledged] = results ?? [];
      if (!written) throw new Error("Connection is closed (no answer to the save)");
      if (written[0]) throw written[0];
      if (written[1] !== 1) return false;
      if (options.replicas > 0) {
        if (acknowledged?.[0]) throw acknowledged[0];
        const count = Number(acknowledged?.[1] ?? 0);
        if (count < options.replicas) throw new UnconfirmedSaveError(count, options.replicas);
      }
      return true;
    },
  });
}
