import { plugin as webSockets } from "crossws/server";
import { serve } from "h3/node";
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
import { fileAssets } from "./assets.ts";
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
  /** The built client (dist-client). */
  clientDir: string;
  port?: number;
  host?: string;
  dev?: boolean;
  /** Where script and store errors are logged. Default: the console. */
  log?: ServerOptions["log"];
  /**
   * How many worker threads run the app's scripts, off the thread that serves HTTP; 0 runs them
   * in this thread. Needs `scriptThread`. Default 0: on the two-core machines measured, threads
   * cost 9% of throughput with the memory store and 32% with Redis (BENCHMARKS.md), so they are
   * for apps whose scripts compute for long without yielding.
   */
  threads?: number;
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
    runEvents: threads?.dispatch,
  });
  // Listening once the threads have loaded the app, the first events do not wait for them.
  await threads?.ready;
  const server = serve(edgelit.h3, {
    port: options.port ?? 8501,
    hostname: options.host ?? "127.0.0.1",
    silent: true,
    gracefulShutdown: false,
    // ws reads a whole message before handing it on, 100 MiB by default: cap it near the event
    // limit. Below the cap the socket route refuses an oversized event with a reason the page can
    // show; above it ws closes the socket itself (1009, no reason).
    plugins: [
      webSockets({ options: { node: { serverOptions: { maxPayload: 2 * maxEventBytes } } } }),
    ],
  });
  try {
    await server.ready();
  } catch (error) {
    await threads?.close();
    throw error;
  }
  // Stores without native expiry (fs, memory) are swept now and then.
  const sweep = setInterval(() => {
    void edgelit.sessions.sweepExpired().catch(() => {});
    void edgelit.media.sweepExpired().catch(() => {});
  }, 10 * 60_000);
  sweep.unref();

  return {
    url: server.url!.replace(/\/$/, ""),
    edgelit,
    reload: () => {
      threads?.reload();
      devReload?.reload();
    },
    async close() {
      clearInterval(sweep);
      devReload?.close();
      await threads?.close();
      // Upgraded sockets are not the HTTP server's to close: do not wait on an open tab forever.
      await Promise.race([
        server.close(true),
        new Promise((done) => setTimeout(done, 1000).unref()),
      ]);
    },
  };
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
    },
  });
}
