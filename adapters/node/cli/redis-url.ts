import type { ClusterNode, ClusterOptions, RedisOptions } from "ioredis";

/** A Redis deployment named by a `--storage` URL: one server, a Sentinel group, or a Cluster. */
export type RedisTarget =
  | { kind: "single"; url: string; tls: boolean; shown: string }
  | {
      kind: "sentinel";
      sentinels: { host: string; port: number }[];
      masterName: string;
      password?: string;
      sentinelPassword?: string;
      db: number;
      tls: boolean;
      shown: string;
    }
  | {
      kind: "cluster";
      seeds: { host: string; port: number }[];
      password?: string;
      tls: boolean;
      shown: string;
    };

/** Whether `--storage` names Redis at all (so a malformed URL is reported as one). */
export function isRedisUrl(flag: string): boolean {
  return /^rediss?(\+(sentinel|cluster))?:\/\//.test(flag);
}

/**
 * Reads a Redis `--storage` URL: `redis://` or `rediss://` (TLS) for one
 * server, `redis+sentinel://[:password@]host:port,host:port/master[?db=N&sentinelPassword=…]`
 * for a Sentinel group, `redis+cluster://[:password@]host:port,host:port` for a
 * Cluster's seed nodes (`rediss+…` for TLS). Throws a sentence naming the
 * option and what is wrong.
 *
 * @example
 * parseRedisUrl("redis+sentinel://127.0.0.1:26379/mymaster").kind; // "sentinel"
 */
export function parseRedisUrl(flag: string): RedisTarget {
  const match =
    /^(rediss?)(?:\+(sentinel|cluster))?:\/\/(?:([^@/]*)@)?([^/?#]*)(\/[^?#]*)?(\?[^#]*)?$/.exec(
      flag,
    );
  if (!match) throw badUrl(flag, "it is not a URL of the form redis://host:port");
  const [, scheme, topology, credentials, hostList, path = "", query = ""] = match;
  const tls = scheme === "rediss";
  const password = passwordOf(credentials);
  const shown = credentials ? flag.replace(`${credentials}@`, "***@") : flag;
  const params = new URLSearchParams(query);
  if (!topology) {
    try {
      new URL(flag);
    } catch {
      throw badUrl(shown, "it is not a valid URL");
    }
    if (!hostList) throw badUrl(shown, "it names no host");
    hostsOf(hostList, shown, 6379);
    return { kind: "single", url: flag, tls, shown };
  }
  if (topology === "sentinel") {
    const masterName = decodeURIComponent(path.replace(/^\//, "").split("/")[0] ?? "");
    if (!masterName)
      throw badUrl(
        shown,
        "a Sentinel URL names its master after the hosts: redis+sentinel://host:26379/mymaster",
      );
    const db = params.get("db") ?? "0";
    if (!/^\d+$/.test(db)) throw badUrl(shown, `db must be a whole number, got "${db}"`);
    return {
      kind: "sentinel",
      sentinels: hostsOf(hostList!, shown, 26379),
      masterName,
      password,
      sentinelPassword: params.get("sentinelPassword") ?? undefined,
      db: Number(db),
      tls,
      shown,
    };
  }
  if (path && path !== "/") throw badUrl(shown, "a Cluster URL has no path (it has no databases)");
  return { kind: "cluster", seeds: hostsOf(hostList!, shown, 6379), password, tls, shown };
}

/**
 * ioredis options for a Sentinel target: the client asks the sentinels for
 * the primary, follows a failover as soon as a sentinel announces it, and
 * reconnects (resending the command) when a server answers that it has
 * become a read-only replica.
 */
export function sentinelOptions(
  target: Extract<RedisTarget, { kind: "sentinel" }>,
  common: RedisOptions,
): RedisOptions {
  return Object.assign({}, common, {
    sentinels: target.sentinels,
    name: target.masterName,
    password: target.password,
    sentinelPassword: target.sentinelPassword,
    db: target.db,
    failoverDetector: true,
    reconnectOnError: reconnectOnReadOnly,
    // The sentinels are asked again after a failover; a short wait keeps an event's retries short.
    sentinelRetryStrategy: (attempt: number) => Math.min(attempt * 100, 1000),
    ...(target.tls && { tls: {}, enableTLSForSentinelMode: true }),
  });
}

/** ioredis options for a Cluster target (its seed nodes and the per-node options). */
export function clusterOptions(
  target: Extract<RedisTarget, { kind: "cluster" }>,
  common: RedisOptions,
): { nodes: ClusterNode[]; options: ClusterOptions } {
  return {
    nodes: target.seeds,
    options: {
      redisOptions: Object.assign({}, common, {
        password: target.password,
        ...(target.tls && { tls: {} }),
      }),
      // The cluster may be electing a new primary: ask again soon, not forever.
      clusterRetryStrategy: (attempt: number) =>
        attempt > 20 ? null : Math.min(attempt * 100, 1000),
      retryDelayOnClusterDown: 200,
      retryDelayOnFailover: 200,
      retryDelayOnTryAgain: 200,
      maxRedirections: 16,
    },
  };
}

/**
 * A server that answers READONLY was a primary and is now a replica (a
 * failover): 2 tells ioredis to reconnect, which asks the sentinels for the
 * new primary, and to resend the command there.
 */
export function reconnectOnReadOnly(error: Error): boolean | 1 | 2 {
  return error.message.startsWith("READONLY") ? 2 : false;
}

// --- Internal helpers ---

function badUrl(shown: string, problem: string): Error {
  return new Error(`--storage ${shown} is not a usable Redis URL: ${problem}`);
}

function passwordOf(credentials: string | undefined): string | undefined {
  if (!credentials) return undefined;
  const colon = credentials.indexOf(":");
  const password = colon === -1 ? credentials : credentials.slice(colon + 1);
  return password ? decodeURIComponent(password) : undefined;
}

function hostsOf(
  list: string,
  shown: string,
  defaultPort: number,
): { host: string; port: number }[] {
  const hosts = list.split(",").map((entry) => {
    const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s[\]]+)(?::(\d+))?$/.exec(entry);
    if (!match) throw badUrl(shown, `"${entry}" is not host:port`);
    const port = match[2] === undefined ? defaultPort : Number(match[2]);
    if (port < 1 || port > 65535) throw badUrl(shown, `port ${match[2]} is not 1-65535`);
    return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
  });
  if (hosts.length === 0 || list === "") throw badUrl(shown, "it names no host");
  return hosts;
}
