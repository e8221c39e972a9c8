import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort, tempDir } from "./processes.ts";

/** A redis-server (or sentinel) process a test started, on a fixed port so it can come back. */
export interface RedisNode {
  port: number;
  readonly pid: number;
  output(): string;
  /** Stops it by pid (SIGTERM by default; SIGKILL for a crash). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port, with the same files. */
  start(): Promise<void>;
  /** Kills it and removes its files. */
  dispose(): Promise<void>;
}

/**
 * Runs `redis-server` with `args` (one folder of its own, loopback only) and
 * waits for `readyLine` in its output.
 */
async function redisNode(
  args: (dir: string, port: number) => string[],
  readyLine: RegExp,
  port?: number,
): Promise<RedisNode> {
  const chosenPort = port ?? (await freePort());
  const folder = tempDir("edgelit-redis-node-");
  const dir = folder.path;
  let child: ReturnType<typeof spawn> | undefined;
  let output = "";
  let exited: Promise<void> = Promise.resolve();
  const node: RedisNode = {
    port: chosenPort,
    get pid() {
      return child?.pid ?? 0;
    },
    output: () => output,
    async start() {
      output = "";
      const started = spawn("redis-server", args(dir, chosenPort), {
        cwd: dir,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = started;
      started.stdout!.on("data", (chunk) => (output += chunk));
      started.stderr!.on("data", (chunk) => (output += chunk));
      exited = new Promise((done) => started.once("exit", () => done()));
      const deadline = Date.now() + 20_000;
      while (!readyLine.test(output)) {
        if (Date.now() > deadline || started.exitCode !== null) {
          if (started.exitCode === null) process.kill(started.pid!, "SIGKILL");
          throw new Error(`redis-server on ${chosenPort} did not start:\n${output}`);
        }
        await new Promise((done) => setTimeout(done, 50));
      }
    },
    async stop(signal = "SIGTERM") {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      process.kill(running.pid!, signal);
      const timer = setTimeout(() => {
        if (running.exitCode === null && running.signalCode === null)
          process.kill(running.pid!, "SIGKILL");
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
    async dispose() {
      await node.stop("SIGKILL");
      folder.remove();
    },
  };
  try {
    await node.start();
  } catch (error) {
    folder.remove();
    throw error;
  }
  return node;
}

/** A data node: AOF on (each write fsynced), so a restart keeps what it acknowledged. */
function dataNodeArgs(dir: string, port: number, more: string[] = []): string[] {
  return [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "yes",
    "--appendfsync",
    "always",
    ...more,
  ];
}

/** A primary, its replicas and three sentinels watching them, all on loopback. */
export interface SentinelGroup {
  masterName: string;
  primary: RedisNode;
  replicas: RedisNode[];
  sentinels: RedisNode[];
  /** The `--storage` URL: `redis+sentinel://127.0.0.1:a,127.0.0.1:b,127.0.0.1:c/<masterName>`. */
  url: string;
  /** The port of the primary the sentinels name now. */
  currentPrimaryPort(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts a Sentinel group: a primary, `replicaCount` replicas and three
 * sentinels (quorum 2, a node counts as down after 1 s).
 */
export async function startSentinelGroup(
  options: { replicaCount?: number; masterName?: string } = {},
): Promise<SentinelGroup> {
  const masterName = options.masterName ?? "edgelit-primary";
  const started: RedisNode[] = [];
  try {
    const primary = await redisNode((dir, port) => dataNodeArgs(dir, port), /Ready to accept/);
    started.push(primary);
    const replicas: RedisNode[] = [];
    for (let i = 0; i < (options.replicaCount ?? 1); i++) {
      const replica = await redisNode(
        (dir, port) => dataNodeArgs(dir, port, ["--replicaof", "127.0.0.1", String(primary.port)]),
        // Up once it holds the primary's data, or once the sentinels made it the primary (a node
        // restarted during a failover may be chosen before its first sync ends).
        /MASTER <-> REPLICA sync: Finished with success|MASTER MODE enabled/,
      );
      started.push(replica);
      replicas.push(replica);
    }
    const sentinels: RedisNode[] = [];
    for (let i = 0; i < 3; i++) {
      const sentinel = await redisNode((dir, port) => {
        const config = join(dir, "sentinel.conf");
        writeFileSync(
          config,
          [
            "bind 127.0.0.1",
            `port ${port}`,
            `dir ${dir}`,
            `sentinel monitor ${masterName} 127.0.0.1 ${primary.port} 2`,
            `sentinel down-after-milliseconds ${masterName} 1000`,
            `sentinel failover-timeout ${masterName} 4000`,
            `sentinel parallel-syncs ${masterName} 2`,
            "",
          ].join("\n"),
        );
        return [config, "--sentinel"];
      }, /\+monitor master/);
      started.push(sentinel);
      sentinels.push(sentinel);
    }
    const group: SentinelGroup = {
      masterName,
      primary,
      replicas,
      sentinels,
      url: `redis+sentinel://${sentinels.map((s) => `127.0.0.1:${s.port}`).join(",")}/${masterName}`,
      async currentPrimaryPort() {
        const client = new Redis({
          port: sentinels[0]!.port,
          host: "127.0.0.1",
          lazyConnect: true,
        });
        try {
          const address = (await client.call(
            "SENTINEL",
            "GET-MASTER-ADDR-BY-NAME",
            masterName,
          )) as [string, string];
          return Number(address[1]);
        } finally {
          client.disconnect();
        }
      },
      async stop() {
        await Promise.all(started.map((node) => node.dispose()));
      },
    };
    // The sentinels must know the replicas (from the primary's INFO) before a failover can pick one.
    await untilTrue("the sentinels to see every replica", async () => {
      const client = new Redis({ port: sentinels[0]!.port, host: "127.0.0.1", lazyConnect: true });
      try {
        const known = (await client.call("SENTINEL", "REPLICAS", masterName)) as unknown[];
        return known.length === replicas.length;
      } finally {
        client.disconnect();
      }
    });
    return group;
  } catch (error) {
    await Promise.all(started.map((node) => node.dispose()));
    throw error;
  }
}

/** Three Cluster masters on loopback (no replicas), joined by `redis-cli --cluster create`. */
export interface RedisCluster {
  masters: RedisNode[];
  /** The `--storage` URL: `redis+cluster://127.0.0.1:a,127.0.0.1:b`. */
  url: string;
  /** Waits until every node reports cluster_state:ok. */
  healthy(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a three-master Redis Cluster. */
export async function startRedisCluster(): Promise<RedisCluster> {
  const masters: RedisNode[] = [];
  try {
    for (let i = 0; i < 3; i++)
      masters.push(
        await redisNode(
          (dir, port) =>
            dataNodeArgs(dir, port, [
              "--cluster-enabled",
              "yes",
              "--cluster-config-file",
              join(dir, "nodes.conf"),
              "--cluster-node-timeout",
              "2000",
            ]),
          /Ready to accept/,
        ),
      );
    const created = spawnSync(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...masters.map((node) => `127.0.0.1:${node.port}`),
        "--cluster-replicas",
        "0",
        "--cluster-yes",
      ],
      { encoding: "utf8", timeout: 30_000 },
    );
    if (created.status !== 0)
      throw new Error(`redis-cli --cluster create failed:\n${created.stdout}${created.stderr}`);
    const cluster: RedisCluster = {
      masters,
      url: `redis+cluster://${masters
        .slice(0, 2)
        .map((node) => `127.0.0.1:${node.port}`)
        .join(",")}`,
      async healthy() {
        for (const node of masters)
          await untilTrue(`cluster_state:ok on ${node.port}`, async () => {
            const client = new Redis({
              port: node.port,
              host: "127.0.0.1",
              lazyConnect: true,
              retryStrategy: () => null,
            });
            client.on("error", () => {});
            try {
              return String(await client.call("CLUSTER", "INFO")).includes("cluster_state:ok");
            } catch {
              return false;
            } finally {
              client.disconnect();
            }
          });
      },
      async stop() {
        await Promise.all(masters.map((node) => node.dispose()));
      },
    };
    await cluster.healthy();
    return cluster;
  } catch (error) {
    await Promise.all(masters.map((node) => node.dispose()));
    throw error;
  }
}

/**
 * A plain redis-server with `args` added (a test's own settings, such as a maxmemory-policy);
 * with `tlsOnly`, its port takes TLS connections only (the args name the certificates).
 */
export function startRedisWith(
  args: string[],
  options: { tlsOnly?: boolean } = {},
): Promise<RedisNode> {
  return redisNode(
    (dir, port) => [
      "--bind",
      "127.0.0.1",
      ...(options.tlsOnly ? ["--port", "0", "--tls-port", String(port)] : ["--port", String(port)]),
      "--dir",
      dir,
      ...args,
    ],
    /Ready to accept/,
  );
}

/** Polls `probe` every 100 ms until it is true, for at most 30 s. */
export async function untilTrue(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
