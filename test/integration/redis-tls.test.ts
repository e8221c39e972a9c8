import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEdgelit, tempDir } from "../helpers/processes.ts";
import { startRedisWith, untilTrue, type RedisNode } from "../helpers/redis-topology.ts";
import { click, countShown, openCounter, reload } from "./counter-tab.ts";

/**
 * `--storage rediss://…` connects to Redis over TLS: a redis-server that
 * accepts only TLS, with a certificate from a test CA the edgelit process
 * trusts through NODE_EXTRA_CA_CERTS, keeps a tab's count, and the startup
 * check reaches it over TLS as well.
 */

const certs = tempDir("edgelit-redis-tls-");
const file = (name: string) => join(certs.path, name);
let redis: RedisNode;
let server: Awaited<ReturnType<typeof startEdgelit>>;

/** A CA and a server certificate for 127.0.0.1, made with openssl. */
function makeCertificates(): void {
  const run = (...args: string[]) => {
    const result = spawnSync("openssl", args, { encoding: "utf8", timeout: 30_000 });
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  };
  run(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "1",
    "-subj",
    "/CN=edgelit test CA",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
  );
  run(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=127.0.0.1",
    "-keyout",
    file("redis.key"),
    "-out",
    file("redis.csr"),
  );
  run(
    "x509",
    "-req",
    "-in",
    file("redis.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-days",
    "1",
    "-out",
    file("redis.pem"),
    "-extfile",
    writeExtensions(),
  );
}

function writeExtensions(): string {
  const path = file("san.ext");
  writeFileSync(path, "subjectAltName=IP:127.0.0.1\n");
  return path;
}

beforeAll(async () => {
  makeCertificates();
  redis = await startRedisWith(
    [
      // No persistence: the startup check, which reaches Redis over TLS too, warns of it.
      "--save",
      "",
      "--appendonly",
      "no",
      "--tls-cert-file",
      file("redis.pem"),
      "--tls-key-file",
      file("redis.key"),
      "--tls-ca-cert-file",
      file("ca.pem"),
      "--tls-auth-clients",
      "no",
    ],
    { tlsOnly: true },
  );
  server = await startEdgelit({
    storage: `rediss://127.0.0.1:${redis.port}`,
    env: { NODE_EXTRA_CA_CERTS: file("ca.pem") },
  });
});

afterAll(async () => {
  await server?.stop();
  await redis?.dispose();
  certs.remove();
});

test("a tab counts through a TLS-only Redis, and the startup check inspects it over TLS", async () => {
  // The line after "serving …" names the store; it may arrive a moment after.
  await untilTrue("the store line", async () => /sessions in/.test(server.output()));
  expect(server.output()).toMatch(/sessions in redis rediss:\/\/127\.0\.0\.1:\d+/);
  expect(server.output()).toMatch(/warning: Redis at 127\.0\.0\.1:\d+ keeps nothing on disk/);
  const tab = await openCounter(server.url);
  await click(tab, "Add one", 3);
  expect(countShown(tab)).toBe("3");
  expect(countShown(await reload(tab))).toBe("3");
  expect(server.output()).not.toMatch(/store error/);
});
