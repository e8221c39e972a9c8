import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../helpers/processes.ts";
import {
  startRedisWith,
  startSentinelGroup,
  type RedisNode,
  type SentinelGroup,
} from "../helpers/redis-topology.ts";

/**
 * What `edgelit run --storage <Redis URL>` says at startup: a URL it cannot
 * use, a sentinel that knows no such master or a seed that is not a Cluster
 * node stop it with a sentence naming --storage; settings that lose sessions
 * (no persistence, an evicting maxmemory-policy) are warned about.
 */

const ROOT = resolve(import.meta.dirname, "../..");

interface Outcome {
  exitCode: number | null;
  served: boolean;
  output: string;
}

/** Runs the counter app with `--storage storage` until it serves (then stops it by pid) or exits. */
async function startWith(
  storage: string | undefined,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<Outcome> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, "bin/edgelit.mjs"),
      "run",
      join(ROOT, "examples/counter/app.ts"),
      "--no-dev",
      "--port",
      String(await freePort()),
      ...(storage === undefined ? [] : ["--storage", storage]),
      ...extraArgs,
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once("exit", done));
  const deadline = Date.now() + 25_000;
  // The line after "serving …" names the store: wait for it whole.
  while (child.exitCode === null && !/sessions in [^\n]*\n/.test(output)) {
    if (Date.now() > deadline) break;
    await new Promise((done) => setTimeout(done, 50));
  }
  const served = /serving .* at http/.test(output);
  if (child.exitCode === null) process.kill(child.pid!, "SIGKILL");
  const exitCode = await exited;
  return { exitCode: served ? null : exitCode, served, output };
}

describe("a --storage URL that cannot work stops the server with a sentence", () => {
  test.each([
    ["redis+sentinel://127.0.0.1:26379", /--storage .*names its master after the hosts/],
    ["redis+sentinel://127.0.0.1:99999/primary", /--storage .*port 99999 is not 1-65535/],
    ["redis+cluster://127.0.0.1:7000/3", /--storage .*a Cluster URL has no path/],
    ["redis://exa mple:6379", /--storage .*is not/],
    ["redis+sentinel://127.0.0.1:26379/m?db=x", /--storage .*db must be a whole number/],
  ])("%s", async (url, problem) => {
    const outcome = await startWith(url);
    expect(outcome.served).toBe(false);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.output).toMatch(problem);
  });
});

describe("against real Redis servers", () => {
  let plain: RedisNode;
  let evicting: RedisNode;
  let persisted: RedisNode;
  let clusterNode: RedisNode;
  let group: SentinelGroup;
  beforeAll(async () => {
    [plain, evicting, persisted, clusterNode, group] = await Promise.all([
      startRedisWith(["--save", "", "--appendonly", "no"]),
      startRedisWith([
        "--appendonly",
        "yes",
        "--maxmemory",
        "64mb",
        "--maxmemory-policy",
        "allkeys-lru",
      ]),
      startRedisWith(["--save", "", "--appendonly", "yes"]),
      startRedisWith(["--appendonly", "yes", "--cluster-enabled", "yes"]),
      startSentinelGroup({ replicaCount: 1 }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([
      ...[plain, evicting, persisted, clusterNode].map((node) => node?.dispose()),
      group?.stop(),
    ]);
  });

  test("a sentinel that knows no such master: a startup error naming --storage and the name", async () => {
    const url = group.url.replace(/\/[^/]+$/, "/no-such-master");
    const outcome = await startWith(url);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.output).toMatch(/--storage .*no sentinel knows a master named "no-such-master"/);
  });

  test("a Cluster seed that is a plain server: a startup error naming --storage", async () => {
    const outcome = await startWith(`redis+cluster://127.0.0.1:${plain.port}`);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.output).toMatch(
      new RegExp(`--storage .*127\\.0\\.0\\.1:${plain.port} is not a Redis Cluster node`),
    );
  });

  test("a Cluster node named by a redis:// URL: a startup error pointing to redis+cluster://", async () => {
    const outcome = await startWith(`redis://127.0.0.1:${clusterNode.port}`);
    expect(outcome.exitCode).toBe(2);
    expect(outcome.output).toMatch(/--storage .*is a Redis Cluster node.*redis\+cluster:\/\//);
  });

  test("a replica named by a redis:// URL: a warning that it refuses every save", async () => {
    const outcome = await startWith(`redis://127.0.0.1:${group.replicas[0]!.port}`);
    expect(outcome.served).toBe(true);
    expect(outcome.output).toMatch(/warning: Redis at .* is a replica: it refuses every save/);
  });

  test("Redis that keeps nothing on disk: a warning at startup, and the server serves", async () => {
    const outcome = await startWith(`redis://127.0.0.1:${plain.port}`);
    expect(outcome.served).toBe(true);
    expect(outcome.output).toMatch(
      /warning: Redis at 127\.0\.0\.1:\d+ keeps nothing on disk .*loses every session/,
    );
  });

  test("Redis with an evicting maxmemory-policy: a warning naming the policy", async () => {
    const outcome = await startWith(`redis://127.0.0.1:${evicting.port}`);
    expect(outcome.served).toBe(true);
    expect(outcome.output).toMatch(/warning: .*maxmemory-policy allkeys-lru.*set noeviction/);
    expect(outcome.output).not.toMatch(/keeps nothing on disk/);
  });

  test("Redis with an append-only file and noeviction: no warning", async () => {
    const outcome = await startWith(`redis://127.0.0.1:${persisted.port}`);
    expect(outcome.served).toBe(true);
    expect(outcome.output).not.toMatch(/warning/);
  });

  test("through Sentinel: the primary it names is checked, and --storage-replicas beyond its replicas is warned of", async () => {
    const outcome = await startWith(group.url, ["--storage-replicas", "2"]);
    expect(outcome.served).toBe(true);
    expect(outcome.output).toMatch(/sessions in redis redis\+sentinel:\/\//);
    expect(outcome.output).toMatch(/has 1 replica connected and --storage-replicas is 2/);
  });

  test("the Sentinel URL and the replica count from the environment", async () => {
    const outcome = await startWith(undefined, [], {
      EDGELIT_STORAGE: group.url,
      EDGELIT_STORAGE_REPLICAS: "1",
    });
    expect(outcome.served).toBe(true);
    expect(outcome.output).toMatch(
      /sessions in redis redis\+sentinel:\/\/\S+\/edgelit-primary \(each save on 1 replica\)/,
    );
    expect(outcome.output).not.toMatch(/warning/);
  });
});
