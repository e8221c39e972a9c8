import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../src/protocol/index.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** The hello Worker's bundle (as wrangler builds it) and workerd's time to a first answered event. */
export interface WorkerFigures {
  bundleBytes: number;
  bundleGzipBytes: number;
  firstEventMs: number;
}

/**
 * Bundles `wrangler.toml`'s Worker (or `configPath`'s) into `outDir` with
 * `wrangler deploy --dry-run` (no login, no network); returns the bundle's path.
 */
export function bundleWorker(outDir: string, configPath?: string): string {
  const config = configPath ? ["--config", configPath] : [];
  const result = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outDir, ...config], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  if (result.status !== 0) throw new Error(`wrangler could not bundle the Worker:\n${result.stdout}\n${result.stderr}`);
  // wrangler names the bundle after the entry file.
  const main = configPath ? readFileSync(configPath, "utf8").match(/^main\s*=\s*"([^"]+)"/m)?.[1] : undefined;
  return resolve(outDir, main ? `${basename(main, extname(main))}.js` : "worker.js");
}

/** Median over `runs` fresh workerd instances of start-to-first-event, with a KV namespace for sessions. */
export async function measureWorker(outDir: string, runs = 5): Promise<WorkerFigures> {
  const script = bundleWorker(outDir);
  const bundle = readFileSync(script);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const miniflare = new Miniflare({
      modules: true,
      scriptPath: script,
      // Module names are taken relative to this folder; the default breaks for a bundle outside the project.
      modulesRoot: dirname(script),
      compatibilityDate: "2026-04-26",
      kvNamespaces: ["SESSIONS"],
      cf: false,
    });
    try {
      const response = await miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({ protocol: PROTOCOL_VERSION, sessionId: null, lastRunId: null, eventId: "first", changes: [] }),
      });
      if (!(await response.text()).includes('"type":"finish"')) throw new Error("the Worker's first event failed");
      times.push(performance.now() - started);
    } finally {
      await miniflare.dispose();
    }
  }
  return {
    bundleBytes: bundle.byteLength,
    bundleGzipBytes: gzipSync(bundle, { level: 9 }).byteLength,
    firstEventMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!,
  };
}
