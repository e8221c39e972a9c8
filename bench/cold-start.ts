import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { Tab } from "./load.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** Milliseconds from spawning `args` to the first event answered in full. */
async function startToFirstEvent(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  try {
    const deadline = Date.now() + 30_000;
    let url: string | undefined;
    while (!(url = output.match(/(?:serving at|serving \S+ at) (http:\/\/\S+)/)?.[1])) {
      if (Date.now() > deadline) throw new Error(`no server after 30 s:\n${output}`);
      await new Promise((done) => setTimeout(done, 5));
    }
    const answer = await new Tab(url).load();
    if (!answer.body.includes('"type":"finish"')) throw new Error("the first event failed");
    return performance.now() - started;
  } finally {
    process.kill(child.pid!, "SIGKILL");
  }
}

/** Median of `runs` cold starts of `edgelit run` and of the bare limit server. */
export async function measureColdStart(runs = 5): Promise<{ edgelitMs: number; limitMs: number }> {
  const edgelit: number[] = [];
  const limit: number[] = [];
  for (let i = 0; i < runs; i++) {
    edgelit.push(
      await startToFirstEvent([
        "bin/edgelit.mjs",
        "run",
        "bench/counter-app.ts",
        "--no-dev",
        "--storage",
        "memory",
        "--port",
        "0",
      ]),
    );
    limit.push(
      await startToFirstEvent([
        "--conditions=edgelit-source",
        "--import",
        "tsx",
        "bench/serve.ts",
        "limit",
        "memory",
      ]),
    );
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { edgelitMs: median(edgelit), limitMs: median(limit) };
}
