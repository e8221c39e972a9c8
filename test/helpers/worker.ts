import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { tempDir } from "./processes.ts";
import {
  CLIENT_HEADER,
  PROTOCOL_VERSION,
  ROUTES,
  createSseParser,
  type ServerMessage,
} from "../../src/protocol/index.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/** Not newer than the workerd that the pinned wrangler (4.86.0) bundles. */
export const COMPATIBILITY_DATE = "2026-04-26";

/** Bundles a Worker with `wrangler deploy --dry-run` (no login, no network); returns the bundle's path. */
export function bundleWorker(outDir: string, configPath?: string): string {
  const config = configPath ? ["--config", configPath] : [];
  const result = spawnSync(
    "npx",
    ["wrangler", "deploy", "--dry-run", "--outdir", outDir, ...config],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        // wrangler's own conditions, and "edgelit-source": "edgelit/cloudflare" is this checkout's sources, not its dist/.
        WRANGLER_BUILD_CONDITIONS: "edgelit-source,workerd,worker,browser",
      },
    },
  );
  if (result.status !== 0)
    throw new Error(`wrangler could not bundle the Worker:\n${result.stdout}\n${result.stderr}`);
  // wrangler names the bundle after the entry file.
  const main = configPath
    ? readFileSync(configPath, "utf8").match(/^main\s*=\s*"([^"]+)"/m)?.[1]
    : undefined;
  return resolve(outDir, main ? `${basename(main, extname(main))}.js` : "worker.js");
}

/** Miniflare's options for one bundled module Worker. */
export function moduleWorker(script: string) {
  return {
    modules: true,
    scriptPath: script,
    // Module names are taken relative to this folder; the default breaks for a bundle outside the project.
    modulesRoot: dirname(script),
    compatibilityDate: COMPATIBILITY_DATE,
  };
}

/** Miniflare's assets as wrangler.toml sets them: the built client, with the Worker ahead of it. */
export function builtClientAssets() {
  return {
    directory: resolve(ROOT, "dist-client"),
    binding: "ASSETS",
    routerConfig: { invoke_user_worker_ahead_of_assets: true, has_user_worker: true },
  };
}

/** Options of {@link startWorker}. */
export interface WorkerFixtureOptions {
  /** The Worker's entry module. */
  main: string;
  kvNamespaces?: string[];
  /** D1 databases, by binding name (in memory). */
  d1Databases?: string[];
  bindings?: Record<string, string>;
  /** Also listen on 127.0.0.1 (a random port), for clients that speak HTTP. */
  listen?: boolean;
  /** The port to listen on with `listen`, when the test must know it first. Default: a random one. */
  port?: number;
  /** Serve the built client as static assets, as wrangler.toml does. */
  assets?: boolean;
}

/** A Worker bundled by wrangler and run by workerd. */
export interface WorkerFixture {
  miniflare: Miniflare;
  /** Its address when started with `listen`. */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** Bundles `main` with wrangler and starts it in workerd through Miniflare. */
export async function startWorker(options: WorkerFixtureOptions): Promise<WorkerFixture> {
  const out = tempDir("edgelit-worker-");
  const config = join(out.path, "wrangler.toml");
  writeFileSync(
    config,
    `name = "edgelit-test"\nmain = ${JSON.stringify(resolve(options.main))}\ncompatibility_date = "${COMPATIBILITY_DATE}"\n`,
  );
  const script = bundleWorker(join(out.path, "bundle"), config);
  const miniflare = new Miniflare({
    ...moduleWorker(script),
    kvNamespaces: options.kvNamespaces ?? [],
    d1Databases: options.d1Databases ?? [],
    bindings: options.bindings ?? {},
    ...(options.listen && { host: "127.0.0.1", port: options.port ?? 0 }),
    ...(options.assets && { assets: builtClientAssets() }),
    cf: false,
  });
  const ready = await miniflare.ready;
  return {
    miniflare,
    url: options.listen ? ready.origin : undefined,
    async dispose() {
      await miniflare.dispose();
      out.remove();
    },
  };
}

/**
 * Posts one event to the Worker as the page does (`changes` default to none) and reads every
 * message of its answer, which must be a 200 stream.
 */
export async function postToWorker(worker: WorkerFixture, body: object): Promise<ServerMessage[]> {
  const response = (await worker.miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, changes: [], ...body }),
  })) as unknown as Response;
  if (response.status !== 200)
    throw new Error(`the Worker answered ${response.status}: ${await response.text()}`);
  const messages: ServerMessage[] = [];
  createSseParser((message) => messages.push(message))(await response.text());
  return messages;
}
