import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

/** A process a test started; `stop` kills it by its pid. */
export interface StartedProcess {
  pid: number;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix = "edgelit-test-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

function track(child: ChildProcess): StartedProcess {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  return {
    pid: child.pid!,
    output: () => output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(child.pid!, signal);
      const timer = setTimeout(
        () => child.exitCode === null && process.kill(child.pid!, "SIGKILL"),
        5000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  process: StartedProcess,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((done) => setTimeout(done, 50));
  }
  await process.stop("SIGKILL");
  throw new Error(`timed out waiting for ${what}; output:\n${process.output()}`);
}

/** A redis-server started by a test; `down` stops it and `up` brings it back on the same port (with its data if `persist`). */
export type StartedRedis = StartedProcess & {
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
};

/**
 * A real redis-server on a random port. With `persist`, it keeps an append-only
 * file, so `down` then `up` loses nothing (a store outage, not a wipe).
 */
export async function startRedis(options: { persist?: boolean } = {}): Promise<StartedRedis> {
  const port = await freePort();
  const dir = tempDir("edgelit-redis-");
  const persistence = options.persist
    ? ["--appendonly", "yes", "--appendfsync", "always"]
    : ["--appendonly", "no"];
  const launch = async () => {
    const child = spawn(
      "redis-server",
      [
        "--bind",
        "127.0.0.1",
        "--port",
        String(port),
        "--save",
        "",
        ...persistence,
        "--dir",
        dir.path,
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const started = track(child);
    await waitFor(
      "redis-server",
      () => (started.output().includes("Ready to accept connections") ? true : undefined),
      started,
    );
    return started;
  };
  let current = await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return current.pid;
    },
    output: () => current.output(),
    async down() {
      await current.stop();
    },
    async up() {
      current = await launch();
    },
    async stop(signal) {
      await current.stop(signal);
      dir.remove();
    },
  };
}

/** Options of {@link startEdgelit}. */
export interface EdgelitProcessOptions {
  /** App file, relative to the repository root. Default: the counter example. */
  app?: string;
  /** `--storage` value. Default memory. */
  storage?: string;
  /** Listen on this port (to restart on the same address); default a free one. */
  port?: number;
  /** Working directory (where `fs` keeps .edgelit/store). */
  cwd?: string;
  dev?: boolean;
  /** `--session-ttl` in seconds. */
  sessionTtl?: number;
  /** `start` serves in production mode whatever `dev` says. Default `run`. */
  command?: "run" | "start";
  env?: Record<string, string>;
  /** More command-line options, after the others. */
  extraArgs?: string[];
}

/** `edgelit run` as a real process on 127.0.0.1; resolves once it serves. */
export async function startEdgelit(
  options: EdgelitProcessOptions = {},
): Promise<StartedProcess & { url: string; port: number }> {
  const port = options.port ?? (await freePort());
  const args = [
    join(ROOT, "bin/edgelit.mjs"),
    options.command ?? "run",
    resolve(ROOT, options.app ?? "examples/counter/app.ts"),
    "--port",
    String(port),
    "--storage",
    options.storage ?? "memory",
    ...(options.dev ? [] : ["--no-dev"]),
    ...(options.sessionTtl === undefined ? [] : ["--session-ttl", String(options.sessionTtl)]),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started = track(child);
  const url = await waitFor(
    "edgelit to serve",
    () => started.output().match(/serving .* at (http:\/\/\S+)/)?.[1],
    started,
  );
  return { ...started, url, port };
}
