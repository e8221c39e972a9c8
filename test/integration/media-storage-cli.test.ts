import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { freePort } from "../helpers/processes.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const COUNTER = join(ROOT, "examples/counter/app.ts");
const projectDir = join(ROOT, `.edgelit/test-apps/media-storage-${process.pid}`);

beforeAll(() => mkdirSync(projectDir, { recursive: true }));
afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

/** `edgelit run` that must refuse to start: its exit code and what it printed (killed once it prints `startedLine`). */
async function refusedStart(
  args: string[],
  env: Record<string, string> = {},
  startedLine = /serving .* at/,
) {
  const clean = { ...process.env };
  for (const name of Object.keys(clean)) if (/^(EDGELIT_|AWS_)/.test(name)) delete clean[name];
  const child = spawn(
    process.execPath,
    [join(ROOT, "bin/edgelit.mjs"), "run", COUNTER, "--port", String(await freePort()), ...args],
    { cwd: projectDir, env: { ...clean, ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  // A server that starts after all is stopped once it says so: the test then fails on its output.
  child.stdout.on("data", () => startedLine.test(output) && process.kill(child.pid!, "SIGKILL"));
  const code = await new Promise<number | null>((done) => child.once("exit", done));
  return { code, output };
}

test.each([
  [
    "a malformed bucket URL",
    ["--media-storage", "s3://Not_A_Bucket"],
    {},
    /--media-storage .*needs a bucket name/,
  ],
  [
    "an unknown kind of storage",
    ["--media-storage", "ftp://files"],
    {},
    /--media-storage .*must be s3:\/\/<bucket>/,
  ],
  [
    "credentials in the URL's query",
    ["--media-storage", "s3://media?endpoint=http://127.0.0.1:9&secret_access_key=x"],
    {},
    /--media-storage .*must not carry credentials/,
  ],
  [
    "a bucket without keys",
    ["--media-storage", "s3://media?endpoint=http://127.0.0.1:9"],
    {},
    /--media-storage .*needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
  ],
  [
    "the environment variable, malformed",
    [],
    { EDGELIT_MEDIA_STORAGE: "s3://" },
    /--media-storage .*(not a valid URL|needs a bucket name)/,
  ],
  [
    "an R2 binding on Node",
    ["--media-storage", "r2:MEDIA"],
    {},
    /--media-storage r2:MEDIA names a binding of a Cloudflare Worker/,
  ],
])("%s: a sentence naming the option, exit code 2", async (_, args, env, reason) => {
  const { code, output } = await refusedStart(args, env);
  expect(output).toMatch(reason);
  expect(output).not.toMatch(/serving/);
  expect(code).toBe(2);
});

test("the keys may come from the secrets file instead of the environment", async () => {
  writeFileSync(
    join(projectDir, "secrets.toml"),
    'AWS_ACCESS_KEY_ID = "from-the-file"\nAWS_SECRET_ACCESS_KEY = "also-from-the-file"\n',
  );
  try {
    const { output } = await refusedStart(
      ["--media-storage", "s3://media?endpoint=http://127.0.0.1:9&region=auto"],
      {},
      /frame batches in .*\n/,
    );
    expect(output).toMatch(
      /media, uploads and frame batches in s3 bucket media at http:\/\/127\.0\.0\.1:9/,
    );
  } finally {
    rmSync(join(projectDir, "secrets.toml"), { force: true });
  }
});
