import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import { freePort, startEdgelit, startRedis, tempDir } from "../helpers/processes.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const APP = resolve(ROOT, "examples/counter/app.ts");

/** `edgelit <args>` run to its end: its exit code and what it printed. */
async function runEdgelit(args: string[], ms = 20_000) {
  const child = spawn(process.execPath, [join(ROOT, "bin/edgelit.mjs"), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const timer = setTimeout(() => process.kill(child.pid!, "SIGKILL"), ms);
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

/** A stack frame in printed output, e.g. "    at listen (node:net:1:2)". */
const STACK_FRAME = /^\s+at /m;

test("edgelit --version prints the package version", async () => {
  const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const result = await runEdgelit(["--version"]);
  expect(result).toMatchObject({ code: 0, stderr: "" });
  expect(result.stdout.trim()).toBe(version);
});

const USAGE_LINES = {
  run: "edgelit run [app.ts]",
  start: "edgelit start [app.ts]",
  hello: "edgelit hello",
  cache: "edgelit cache clear",
} as const;

for (const [command, usageLine] of Object.entries(USAGE_LINES)) {
  test(`edgelit ${command} --help prints that command's usage and starts nothing`, async () => {
    const port = await freePort();
    const args =
      command === "run" || command === "start"
        ? [command, APP, "--help", "--port", String(port)]
        : [command, "--help", "--port", String(port)];
    const result = await runEdgelit(args, 10_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(usageLine);
    for (const [other, otherLine] of Object.entries(USAGE_LINES))
      if (other !== command) expect(result.stdout).not.toContain(otherLine);
    expect(result.stdout).not.toContain("serving");
  });
}

test("a port in use is one clear line and a non-zero exit, no stack trace", async () => {
  const blocker = createServer();
  await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", done));
  const { port } = blocker.address() as { port: number };
  try {
    const result = await runEdgelit(["start", APP, "--port", String(port), "--storage", "memory"]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr.trim()).toBe(
      `edgelit: port ${port} on 127.0.0.1 is in use; choose another with --port`,
    );
    expect(result.stderr + result.stdout).not.toMatch(STACK_FRAME);
  } finally {
    await new Promise<void>((done) => blocker.close(() => done()));
  }
});

test("an fs store directory that cannot be written is a startup error naming it", async () => {
  const dir = tempDir();
  try {
    // A directory under a regular file cannot be created, by root either.
    const blocker = join(dir.path, "a-file");
    writeFileSync(blocker, "");
    const store = join(blocker, "store");
    const port = await freePort();
    const result = await runEdgelit([
      "start",
      APP,
      "--port",
      String(port),
      "--storage",
      `fs:${store}`,
    ]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain(store);
    expect(result.stderr).toMatch(/^edgelit: .*cannot/m);
    expect(result.stdout).not.toContain("serving");
    expect(result.stderr + result.stdout).not.toMatch(STACK_FRAME);
  } finally {
    dir.remove();
  }
});

test("/_edgelit/health answers 503 while Redis is down, and 200 again once it is back", async () => {
  const redis = await startRedis();
  const server = await startEdgelit({ command: "start", storage: redis.url });
  const health = async () => {
    const response = await fetch(`${server.url}/_edgelit/health`);
    return { status: response.status, body: await response.json() };
  };
  try {
    expect(await health()).toEqual({ status: 200, body: { ok: true } });
    await redis.down();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ ok: false, error: expect.stringContaining("session store") });
    await redis.up();
    const deadline = Date.now() + 15_000;
    while ((await health()).status !== 200 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 200));
    expect(await health()).toEqual({ status: 200, body: { ok: true } });
  } finally {
    await server.stop();
    await redis.stop();
  }
});
