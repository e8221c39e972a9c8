import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { freePort, tempDir } from "./processes.ts";

/** A PostgreSQL server a test started: its URL (with the password) and how to stop it. */
export interface StartedPostgres {
  url: string;
  password: string;
  /** Runs SQL as the test's user (setting up tables, counting rows). */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/**
 * Debian's PostgreSQL on 127.0.0.1 and a free port, in a fresh data folder,
 * run as the `postgres` user (it refuses root), with password authentication.
 * `stop` ends the postmaster by the pid in its postmaster.pid and removes the folder.
 */
export async function startPostgres(): Promise<StartedPostgres> {
  const version = readdirSync("/usr/lib/postgresql").sort().at(-1);
  if (!version) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  const bin = (name: string) => `/usr/lib/postgresql/${version}/bin/${name}`;
  const dir = tempDir("edgelit-postgres-");
  const data = join(dir.path, "data");
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const { uid, gid } = postgresUser();
  chmodSync(dir.path, 0o755);
  writeFileSync(join(dir.path, "password"), password);
  chownSync(dir.path, uid, gid);
  chownSync(join(dir.path, "password"), uid, gid);
  const init = spawnSync(
    "runuser",
    [
      "-u",
      "postgres",
      "--",
      bin("initdb"),
      "-D",
      data,
      "-U",
      "edgelit",
      `--pwfile=${join(dir.path, "password")}`,
      "--auth=scram-sha-256",
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  const port = await freePort();
  const child = spawn(
    "runuser",
    [
      "-u",
      "postgres",
      "--",
      bin("postgres"),
      "-D",
      data,
      "-p",
      String(port),
      "-h",
      "127.0.0.1",
      "-k",
      dir.path,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stopServer = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // The postmaster is runuser's child: stop it by its own pid (fast shutdown).
    const postmasterPid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    if (postmasterPid > 0) process.kill(postmasterPid, "SIGINT");
    await exited;
  };
  for (let tries = 0; !output.includes("ready to accept connections"); tries++) {
    if (tries > 400 || child.exitCode !== null) {
      await stopServer().catch(() => {});
      dir.remove();
      throw new Error(`PostgreSQL did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  const url = `postgresql://edgelit:${password}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    password,
    query: async (sql, params) => (await client.query(sql, params)).rows,
    async stop() {
      await client.end();
      await stopServer();
      dir.remove();
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("no postgres user (apt-get install postgresql creates it)");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}
