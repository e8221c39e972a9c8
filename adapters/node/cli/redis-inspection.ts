import { Redis } from "ioredis";
import type { RedisTarget } from "./redis-url.ts";

type Endpoint = { host: string; port: number };

/** What the startup check needs of the settings besides the target. */
interface InspectionSettings {
  storageReplicas?: number;
}

/**
 * Looks at the Redis deployment `--storage` names before serving. Returns
 * the problem that makes it unusable (a sentinel that knows no such master,
 * a seed that is not a Cluster node), for a startup error; prints a warning
 * for settings that lose sessions (no persistence, an evicting
 * maxmemory-policy) or too few replicas for `--storage-replicas`. A server
 * that cannot be reached now is only a warning: the page says so until it can.
 *
 * @example
 * const problem = await inspectRedis(parseRedisUrl("redis://127.0.0.1:6379"), {});
 */
export async function inspectRedis(
  target: RedisTarget,
  settings: InspectionSettings,
): Promise<string | undefined> {
  const password = target.kind === "single" ? undefined : target.password;
  const tls = target.tls;
  if (target.kind === "single") {
    const url = new URL(target.url);
    const endpoint = { host: url.hostname.replace(/^\[|\]$/g, ""), port: Number(url.port || 6379) };
    const client = probeClient({ url: target.url });
    const role = await roleOf(client);
    if (role === "cluster") {
      client.disconnect();
      return `--storage ${target.shown}: ${where(endpoint)} is a Redis Cluster node, which answers MOVED for most sessions; name its nodes as redis+cluster://host:port,host:port`;
    }
    if (role === "replica")
      warn(
        `Redis at ${where(endpoint)} is a replica: it refuses every save (READONLY); point --storage at the primary, or at the sentinels with redis+sentinel://`,
      );
    await inspectPrimary(client, endpoint, settings);
    return undefined;
  }
  if (target.kind === "sentinel") {
    let reached = 0;
    for (const sentinel of target.sentinels) {
      const client = probeClient({
        endpoint: sentinel,
        password: target.sentinelPassword,
        tls,
      });
      try {
        const address = (await client.call(
          "SENTINEL",
          "GET-MASTER-ADDR-BY-NAME",
          target.masterName,
        )) as [string, string] | null;
        reached++;
        if (!address) continue;
        const primary = { host: address[0], port: Number(address[1]) };
        await inspectPrimary(probeClient({ endpoint: primary, password, tls }), primary, settings);
        return undefined;
      } catch {
        // Another sentinel may answer.
      } finally {
        client.disconnect();
      }
    }
    if (reached > 0)
      return `--storage ${target.shown}: no sentinel knows a master named "${target.masterName}" (check the name after the hosts, as in the sentinels' "sentinel monitor" line)`;
    warn(`cannot reach any sentinel of ${target.shown} now; the page says so until one answers`);
    return undefined;
  }
  for (const seed of target.seeds) {
    const client = probeClient({ endpoint: seed, password, tls });
    try {
      await client.call("CLUSTER", "INFO");
    } catch (error) {
      const message = (error as Error).message;
      if (/cluster support disabled/i.test(message))
        return `--storage ${target.shown}: ${where(seed)} is not a Redis Cluster node (cluster support is disabled there); use a redis:// URL for a single server`;
      continue;
    } finally {
      client.disconnect();
    }
    await inspectPrimary(probeClient({ endpoint: seed, password, tls }), seed, settings);
    return undefined;
  }
  warn(`cannot reach any seed node of ${target.shown} now; the page says so until one answers`);
  return undefined;
}

// --- Internal helpers ---

/** A client that tries once and gives up quickly: the check must not hold up startup. */
function probeClient(to: {
  url?: string;
  endpoint?: Endpoint;
  password?: string;
  tls?: boolean;
}): Redis {
  const options = {
    connectTimeout: 2000,
    commandTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: true,
    lazyConnect: false,
  };
  const client = to.url
    ? new Redis(to.url, options)
    : new Redis(
        Object.assign(options, {
          host: to.endpoint!.host,
          port: to.endpoint!.port,
          password: to.password,
          ...(to.tls && { tls: {} }),
        }),
      );
  client.on("error", () => {});
  return client;
}

/** Warns of the primary's settings that lose sessions; says nothing when CONFIG is not allowed. */
async function inspectPrimary(
  client: Redis,
  endpoint: Endpoint,
  settings: InspectionSettings,
): Promise<void> {
  try {
    const config = await readConfig(client);
    if (config) {
      if (config.save === "" && config.appendonly === "no")
        warn(
          `Redis at ${where(endpoint)} keeps nothing on disk (save "" and appendonly no): a restart of Redis loses every session; turn on appendonly`,
        );
      const policy = config["maxmemory-policy"] ?? "noeviction";
      if (policy !== "noeviction")
        warn(
          `Redis at ${where(endpoint)} evicts keys when its memory is full (maxmemory-policy ${policy}): sessions can vanish under load; set noeviction`,
        );
    }
    const replicas = settings.storageReplicas ?? 0;
    if (replicas > 0) {
      const info = String(await client.info("replication"));
      const connected = Number(/connected_slaves:(\d+)/.exec(info)?.[1] ?? 0);
      if (connected < replicas)
        warn(
          `Redis at ${where(endpoint)} has ${connected} replica${connected === 1 ? "" : "s"} connected and --storage-replicas is ${replicas}: saves fail until enough replicas are connected`,
        );
    }
  } catch (error) {
    warn(`cannot inspect Redis at ${where(endpoint)} now (${(error as Error).message})`);
  } finally {
    client.disconnect();
  }
}

/** Whether a server is a Cluster node, a replica or a primary; undefined when it cannot be asked. */
async function roleOf(client: Redis): Promise<"cluster" | "replica" | "primary" | undefined> {
  try {
    if (/cluster_enabled:1/.test(String(await client.info("cluster")))) return "cluster";
    return /role:slave/.test(String(await client.info("replication"))) ? "replica" : "primary";
  } catch {
    return undefined;
  }
}

/** save, appendonly and maxmemory-policy, or undefined where CONFIG is disabled (managed Redis). */
async function readConfig(client: Redis): Promise<Record<string, string> | undefined> {
  const config: Record<string, string> = {};
  for (const name of ["save", "appendonly", "maxmemory-policy"]) {
    let pair: unknown;
    try {
      pair = await client.call("CONFIG", "GET", name);
    } catch (error) {
      if (/unknown command|NOPERM|not allowed/i.test((error as Error).message)) return undefined;
      throw error;
    }
    const [, value] = pair as [string?, string?];
    if (value !== undefined) config[name] = value;
  }
  return config;
}

function where(endpoint: Endpoint): string {
  return `${endpoint.host}:${endpoint.port}`;
}

function warn(text: string): void {
  console.warn(`edgelit: warning: ${text}`);
}
