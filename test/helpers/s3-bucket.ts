import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { freePort, tempDir } from "./processes.ts";

/** The key pair s3rver accepts: its own, as in its documentation. */
export const S3RVER_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: "S3RVER",
  AWS_SECRET_ACCESS_KEY: "S3RVER",
};

/** An s3rver holding one bucket on 127.0.0.1; `down` stops it, `up` brings it back with its objects. */
export interface StartedBucket {
  /** The `--media-storage` value naming the bucket. */
  spec: string;
  endpoint: string;
  bucket: string;
  /** Object keys in the bucket with their sizes (read from s3rver's folder). */
  objects(): { key: string; size: number }[];
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

const MAIN = resolve(import.meta.dirname, "s3rver-main.mjs");

/** A real S3-protocol server (s3rver) on a random loopback port, with bucket `bucket`. */
export async function startS3Bucket(bucket = "edgelit-media"): Promise<StartedBucket> {
  const port = await freePort();
  const dir = tempDir("edgelit-s3-");
  let child: ChildProcess | undefined;
  const launch = async () => {
    const started = spawn(process.execPath, [MAIN, String(port), dir.path, bucket], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    started.stdout?.on("data", (chunk) => (output += chunk));
    started.stderr?.on("data", (chunk) => (output += chunk));
    await new Promise<void>((done, fail) => {
      started.stdout?.on("data", () => output.includes("s3rver ready") && done());
      started.once("exit", () => fail(new Error(`s3rver exited:\n${output}`)));
    });
    child = started;
  };
  const down = async () => {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise((done) => current.once("exit", done));
    process.kill(current.pid!, "SIGKILL");
    await exited;
  };
  await launch();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    spec: `s3://${bucket}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1`,
    endpoint,
    bucket,
    objects: () => listObjects(join(dir.path, bucket)),
    down,
    up: launch,
    async stop() {
      await down();
      dir.remove();
    },
  };
}

/** s3rver keeps each object as a file `<key>._S3rver_object` under the bucket's folder. */
function listObjects(root: string, prefix = ""): { key: string; size: number }[] {
  const found: { key: string; size: number }[] = [];
  let names: string[];
  try {
    names = readdirSync(join(root, prefix));
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(root, prefix, name);
    if (statSync(path).isDirectory()) found.push(...listObjects(root, join(prefix, name)));
    else if (name.endsWith("._S3rver_object"))
      found.push({
        key: join(prefix, name.slice(0, -"._S3rver_object".length)),
        size: statSync(path).size,
      });
  }
  return found;
}
