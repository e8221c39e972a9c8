import type { Storage } from "unstorage";
import type { EncodedRecord } from "./codec.ts";
import { decodeRecord } from "./codec.ts";

/**
 * Writes a record only if the stored one still has `expectedVersion` (0: no
 * record yet). Resolves false when another writer got there first.
 */
export type ConditionalWrite = (
  key: string,
  encoded: EncodedRecord,
  expectedVersion: number,
  ttlSeconds: number,
) => Promise<boolean>;

/** How safe a store's saves are when several processes share it. */
export type SaveGuarantee = "atomic" | "checked" | "single-process" | "last-writer-wins";

/**
 * Compare-and-set in one step inside Redis. The record's version is read from
 * the stored JSON ({"json":{"version":…}}) as unstorage wrote it: from the
 * first bytes when `version` leads (as edgelit writes it), else by decoding
 * the whole record, which costs Redis twenty times a plain SET.
 */
export const REDIS_COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
local expected = tonumber(ARGV[2])
if current then
  local leading = string.match(current, '^{"json":{"version":(%d+)[,}]')
  if leading then
    if tonumber(leading) ~= expected then return 0 end
  else
    local ok, stored = pcall(cjson.decode, current)
    if not ok or type(stored) ~= 'table' or type(stored.json) ~= 'table' or stored.json.version ~= expected then return 0 end
  end
elseif expected ~= 0 then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1`;

interface RedisLike {
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  evalsha?(sha: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
  script?(subcommand: "LOAD", script: string): Promise<unknown>;
}

interface DriverLike {
  name?: string;
  options?: { base?: string };
  getInstance?: () => unknown;
  compareAndSet?: AtomicDriver["compareAndSet"];
}

/**
 * What a driver offers to make edgelit's saves atomic: store `value` under
 * `key` only if the stored record's version is `expectedVersion` (0: no
 * record), in one indivisible step. edgelit's Durable Object and Upstash
 * stores implement it; so can any custom unstorage driver.
 */
export interface AtomicDriver {
  compareAndSet(
    key: string,
    value: string,
    expectedVersion: number,
    ttlSeconds: number,
  ): Promise<boolean>;
}

/**
 * Picks the strongest conditional write the store allows: atomic on Redis,
 * a read before the write elsewhere (memory, fs, custom drivers), and a plain
 * write where nothing better exists (Cloudflare KV, eventually consistent).
 */
export function conditionalWriteFor(
  storage: Storage,
  sampleKey: string,
): { write: ConditionalWrite; guarantee: SaveGuarantee } {
  const { driver, base: mountBase } = storage.getMount(sampleKey) as {
    driver: DriverLike;
    base: string;
  };
  if (typeof driver.compareAndSet === "function") {
    const compareAndSet = driver.compareAndSet.bind(driver);
    return {
      guarantee: "atomic",
      // The driver sees keys relative to its mount point, as unstorage's own calls do.
      write: (key, encoded, expectedVersion, ttlSeconds) =>
        compareAndSet(
          key.slice(mountBase.length),
          JSON.stringify(encoded),
          expectedVersion,
          ttlSeconds,
        ),
    };
  }
  if (driver.name === "redis" && typeof driver.getInstance === "function") {
    const base = (driver.options?.base ?? "").replace(/:$/, "");
    const compareAndSet = redisScript(driver.getInstance() as RedisLike, REDIS_COMPARE_AND_SET);
    return {
      guarantee: "atomic",
      write: async (key, encoded, expectedVersion, ttlSeconds) => {
        const redisKey = base ? `${base}:${key}` : key;
        return (
          (await compareAndSet(redisKey, JSON.stringify(encoded), expectedVersion, ttlSeconds)) ===
          1
        );
      },
    };
  }
  const plainWrite: ConditionalWrite = async (key, encoded, _expected, ttlSeconds) => {
    await storage.setItem(key, encoded as never, { ttl: ttlSeconds });
    return true;
  };
  if (driver.name?.startsWith("cloudflare-kv"))
    return { guarantee: "last-writer-wins", write: plainWrite };
  const checkedWrite: ConditionalWrite = async (key, encoded, expectedVersion, ttlSeconds) => {
    const current = decodeRecord(await storage.getItem(key));
    if ((current?.version ?? 0) !== expectedVersion) return false;
    return plainWrite(key, encoded, expectedVersion, ttlSeconds);
  };
  if (driver.name === "memory")
    return { guarantee: "single-process", write: versionTrackingWrite(storage, plainWrite) };
  // Across processes (fs) the check narrows the race; within one, the session lock makes it exact.
  return { guarantee: "checked", write: checkedWrite };
}

/**
 * The memory store lives in this process, so this process wrote every
 * version it holds: compare against what it wrote rather than reading the
 * record back and parsing it on every save.
 */
const MAX_TRACKED_VERSIONS = 10_000;

function versionTrackingWrite(storage: Storage, write: ConditionalWrite): ConditionalWrite {
  const written = new Map<string, number>();
  return async (key, encoded, expectedVersion, ttlSeconds) => {
    const current = written.get(key) ?? decodeRecord(await storage.getItem(key))?.version ?? 0;
    if (current !== expectedVersion) return false;
    // Sessions end without telling the writer: forget them all now and then (a miss just reads the record).
    if (written.size >= MAX_TRACKED_VERSIONS) written.clear();
    written.set(key, expectedVersion + 1);
    return write(key, encoded, expectedVersion, ttlSeconds);
  };
}

/**
 * Runs a one-key Lua script by its SHA once Redis has it cached, so each call
 * neither sends the script nor makes Redis hash it again; EVAL (which caches
 * it) covers the first call and a server that has since forgotten it.
 */
function redisScript(
  client: RedisLike,
  script: string,
): (key: string, ...args: (string | number)[]) => Promise<unknown> {
  let sha: string | undefined;
  return async (key, ...args) => {
    if (sha !== undefined && client.evalsha) {
      try {
        return await client.evalsha(sha, 1, key, ...args);
      } catch (error) {
        if (!String(error).includes("NOSCRIPT")) throw error;
        sha = undefined;
      }
    }
    const result = await client.eval(script, 1, key, ...args);
    client.script?.("LOAD", script).then(
      (loaded) => void (sha = String(loaded)),
      () => undefined,
    );
    return result;
  };
}
