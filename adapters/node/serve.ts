import { serve } from "h3/node";
import { webSocketsOnDemand } from "./web-sockets-on-demand.ts";
import type { Storage } from "unstorage";
import type { AppDefinition } from "../../src/app/define-app.ts";
import { serverConfigOf, type ServerConfig } from "../../src/config/index.ts";
import {
  createServer,
  type EdgelitServer,
  type ServerOptions,
} from "../../src/server/create-server.ts";
import { LOOPBACK_HOSTS, isLoopbackAddress } from "../../src/server/host-check.ts";
import { consoleLog } from "../../src/server/server-log.ts";
import { expiresKeysItself } from "../../src/session/store.ts";
import { fileAssets } from "./assets.ts";
import type { SecretsTable } from "../../src/runner/run-visit.ts";
import { readComponentFile } from "./component-files.ts";
import { createDevReload } from "./dev-reload.ts";
import {
  createScriptThreads,
  type ScriptThreads,
  type ScriptThreadsOptions,
} from "./script-threads/script-threads.ts";

/**
 * Options of {@link serveNode}: the app, its store and client, and any option of an edgelit
 * config (limits, transports; the default transports here are sse, websocket, json).
 */
export interface NodeServeOptions extends ServerConfig {
  /** The app, or a function giving the current app (the dev server swaps it on reload). */
  app: AppDefinition | (() => AppDefinition);
  storage: Storage;
  /**
   * Where media, uploads and frame batches keep their bytes (a bucket, a shared volume); default
   * `storage`. Swept now and then unless it is a bucket, whose lifecycle rule removes old objects.
   */
  mediaStorage?: Storage;
  /** The built client (dist-client). */
  clientDir: string;
  port?: number;
  host?: string;
  dev?: boolean;
  /** Where script and store errors are logged. Default: the console. */
  log?: ServerOptions["log"];
  /**
   * How many worker threads run the app's scripts, off the thread that serves HTTP; 0 runs them
   * in this thread (the least memory). Needs `scriptThread`. Default 0: on the two-core machine
   * measured, threads still cost too much throughput with Redis (BENCHMARKS.md); for apps whose
   * scripts compute for long without yielding, one per core (and at least two, so one such
   * script does not hold up every session) is the size to choose.
   */
  threads?: number;
  /** What the app reads as `st.secrets` under the environment (see loadProjectSecrets). */
  secrets?: SecretsTable;
  /** How a script thread loads the app (the CLI gives its own; see adapters/node/script-threads). */
  scriptThread?: Pick<ScriptThreadsOptions, "entry" | "setup" | "bridgeStorage">;
}

/** A running Node server. */
export interface NodeServer {
  url: string;
  edgelit: EdgelitServer;
  /** Tells open pages to rerun (dev mode). */
  reload(): void;
  close(): Promise<void>;
  /**
   * Shuts down cleanly: new events get 503 `draining` (the page sends them to
   * another replica), the events under way finish and save for at most
   * `drainSeconds`, then the server closes. True when they all finished in time.
   */
  shutdown(drainSeconds: number): Promise<boolean>;
  /**
   * Resolves once every script thread has loaded the app (at once without threads). The server
   * answers before that: an event waits for a thread that has.
   */
  threadsReady: Promise<void>;
}

/**
 * Serves an app on Node with srvx. Sessions live in `storage`, so a restart
 * of this process loses nothing.
 *
 * @example
 * const server = await serveNode({ app, storage, clientDir: "dist-client", port: 8501 });
 */
export async function serveNode(options: NodeServeOptions): Promise<NodeServer> {
  const currentApp =
    typeof options.app === "function" ? options.app : () => options.app as AppDefinition;
  const devReload = options.dev ? createDevReload() : undefined;
  const maxEventBytes = options.maxEventBytes ?? 1024 * 1024;
  const threads = startScriptThreads(options);
  const edgelit = createServer({
    ...serverConfigOf(options),
    // A getter, so the dev server's reloads take effect on the next event.
    app: {
      get script() {
        return currentApp().script;
      },
      get options() {
        return currentApp().options;
      },
    } as AppDefinition,
    storage: options.storage,
    mediaStorage: options.mediaStorage,
    assets: fileAssets(options.clientDir),
    componentFiles: readComponentFile,
    dev: options.dev,
    log: options.log,
    maxEventBytes,
    mediaSecret: options.mediaSecret,
    allowedHosts:
      options.allowedHosts ??
      (isLoopbackAddress(options.host ?? "127.0.0.1") ? LOOPBACK_HOSTS : true),
    extend: (h3) => devReload?.install(h3),
    transports: options.transports ?? ["sse", "websocket", "json"],
    // st.context.env: the environment as the process started, frozen so an app cannot change it.
    env: Object.freeze({ ...process.env }),
    secrets: options.secrets,
    runEvents: threads?.dispatch,
  });
  const server = serve(edgelit.h3, {
    port: options.port ?? 8501,
    hostname: options.host ?? "127.0.0.1",
    silent: true,
    gracefulShutdown: false,
    // ws reads a whole message before handing it on, 100 MiB by default: cap it near the event
    // limit. Below the cap the socket route refuses an oversized event with a reason the page can
    // show; above it ws closes the socket itself (1009, no reason).
    plugins: [
      webSocketsOnDemand({
        options: { node: { serverOptions: { maxPayload: 2 * maxEventBytes } } },
      }),
    ],
  });
  try {
    // Serving at once: the page, media and health check need no script thread, and an event that
    // comes before a thread has loaded the app waits for it. A port in use is reported at once.
    await server.ready();
  } catch (error) {
    await threads?.close();
    throw error;
  }
  // Stores without native expiry (fs, memory) are swept now and then; a sweep reads every key,
  // which on Redis would only load the store.
  const sweepSessions = !expiresKeysItself(options.storage);
  const sweepMedia = options.mediaStorage
    ? !isBucket(options.mediaStorage)
    : !expiresKeysItself(options.storage);
  const sweep =
    sweepSessions || sweepMedia
      ? setInterval(() => {
          if (sweepSessions) void edgelit.sessions.sweepExpired().catch(() => {});
          if (sweepMedia) void edgelit.media.sweepExpired().catch(() => {});
        }, 10 * 60_000)
      : undefined;
  sweep?.unref();

  const close = async (gracefulMs = 0) => {
    clearInterval(sweep);
    devReload?.close();
    await threads?.close();
    // Answers already written reach their pages before the connections are cut.
    if (gracefulMs > 0) await Promise.race([server.close(false), sleep(gracefulMs)]);
    // Upgraded sockets are not the HTTP server's to close: do not wait on an open tab forever.
    await Promise.race([server.close(true), sleep(1000)]);
  };
  return {
    url: server.url!.replace(/\/$/, ""),
    edgelit,
    threadsReady: threads?.ready ?? Promise.resolve(),
    reload: () => {
      threads?.reload();
      devReload?.reload();
    },
    close: () => close(),
    async shutdown(drainSeconds) {
      const inTime = await Promise.race([
        edgelit.drain().then(() => true),
        sleep(drainSeconds * 1000).then(() => false),
      ]);
      await close(FLUSH_MS);
      return inTime;
    },
  };
}

/** How long a shutdown waits, once its runs are over, for their last bytes to leave. */
const FLUSH_MS = 2000;

/** True for object storage: listing it whole to sweep would be slow and billed; a lifecycle rule expires its objects. */
function isBucket(storage: Storage): boolean {
  const { driver } = storage.getMount("edgelit:media") as { driver: { name?: string } };
  return driver.name === "s3" || (driver.name ?? "").includes("r2");
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}

/** The script threads `options` ask for, if any. */
function startScriptThreads(options: NodeServeOptions): ScriptThreads | undefined {
  if (options.threads && !options.scriptThread)
    throw new TypeError("threads needs scriptThread: how a thread loads the app.");
  const count = options.scriptThread ? (options.threads ?? 0) : 0;
  if (count === 0 || !options.scriptThread) return undefined;
  return createScriptThreads({
    ...options.scriptThread,
    count,
    storage: options.storage,
    log: options.log ?? consoleLog,
    server: {
      dev: options.dev,
      showErrorDetails: options.showErrorDetails,
      sessionTtlSeconds: options.sessionTtlSeconds,
      maxRunSeconds: options.maxRunSeconds,
      maxMessageBytes: options.maxMessageBytes,
      mediaSecret: options.mediaSecret,
      secrets: options.secrets,
    },
  });
}
