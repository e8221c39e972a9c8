import type { Driver, Storage } from "unstorage";
import { parseMediaStorageSpec } from "../../src/media/media-storage-spec.ts";
import { workerMediaStorage } from "./worker-media-storage.ts";
import type { AppDefinition } from "../../src/app/define-app.ts";
import { checkConfig, serverConfigOf, type EdgelitConfig } from "../../src/config/index.ts";
import {
  createServer,
  type EdgelitServer,
  type ServerOptions,
} from "../../src/server/create-server.ts";
import type { ServerLog } from "../../src/server/server-log.ts";
import type { SecretsTable } from "../../src/runner/run-visit.ts";
import { keepBackgroundTasksWith } from "../../src/cache/background-tasks.ts";

import { registerSocketServer, type SocketNamespace } from "./socket-object.ts";

export { EdgelitSessionStore, durableObjectDriver } from "./durable-object-store.ts";
export { EdgelitSockets } from "./socket-object.ts";
export type { SocketNamespace } from "./socket-object.ts";
export type {
  DurableObjectDriverOptions,
  SessionStoreNamespace,
  SessionStoreStub,
} from "./durable-object-store.ts";

/**
 * The bindings edgelit itself reads from a Worker's `env`: `ASSETS` serves the
 * built client when configured. The app's own bindings are the `Env` that
 * `wrangler types` generates; `createWorker<Env>` takes it as it is.
 */
export interface WorkerEnv {
  ASSETS?: { fetch(request: Request): Promise<Response> };
}

/** The part of a Worker's `ctx` edgelit uses. */
export interface WorkerExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * Options of {@link createWorker}. `Env` is any object type, so the `Env`
 * interface that `wrangler types` writes fits (an interface has no index
 * signature, so it would not fit {@link WorkerEnv}).
 */
export interface WorkerOptions<Env extends object = Record<string, unknown>> {
  app: AppDefinition;
  /** The session store, from the Worker's bindings (KV, a Durable Object, Upstash, ...). */
  storage: (env: Env) => Storage;
  /**
   * Where media, uploads and frame batches keep their bytes: any unstorage instance or driver
   * from the bindings. Wins over the config's `mediaStorage` (`r2:<BINDING>` or an `s3://`
   * bucket). Default: the session store.
   */
  mediaStorage?: (env: Env) => Storage | Driver;
  /**
   * The project's config (`import config from "./edgelit.config.ts"`), checked here. A Worker
   * ignores what only the CLI uses (app, port, host, storage), and the websocket transport
   * unless `sockets` is given.
   */
  config?: EdgelitConfig;
  /**
   * The binding of {@link EdgelitSockets} (`env.SOCKETS`): the page may then use the WebSocket
   * transport, each socket held by its own Durable Object with the hibernation API. Without it,
   * an upgrade gets 426 and the page never tries one.
   */
  sockets?: (env: Env) => SocketNamespace;
  /** Idle seconds before a session is forgotten; wins over the config's. */
  sessionTtlSeconds?: number;
  /** How much of an uncaught error the page sees (see ServerOptions). Default `full`. */
  showErrorDetails?: ServerOptions["showErrorDetails"];
  /** Where script and store errors are logged. Default: the console (Workers Logs). */
  log?: ServerLog;
  /**
   * Secrets under the Worker's bindings (`st.secrets` reads the bindings first), from the
   * bindings of the isolate's first request: the place for a nested table such as `[auth]`,
   * which bindings cannot hold.
   * @example secrets: (env) => ({ auth: { redirect_uri: env.AUTH_REDIRECT_URI, cookie_secret: env.AUTH_COOKIE_SECRET, client_id: env.AUTH_CLIENT_ID, client_secret: env.AUTH_CLIENT_SECRET, server_metadata_url: env.AUTH_METADATA_URL } })
   */
  secrets?: (env: Env) => SecretsTable;
}

/**
 * A Cloudflare Worker serving an edgelit app. Each isolate builds the server
 * once, on its first request; sessions live only in the store.
 *
 * @example
 * // Env: the interface `wrangler types` writes to worker-configuration.d.ts
 * export default createWorker<Env>({
 *   app,
 *   config, // the default export of edgelit.config.ts
 *   storage: (env) => createStorage({ driver: durableObjectDriver({ namespace: env.SESSIONS }) }),
 * });
 */
export function createWorker<Env extends object = Record<string, unknown>>(
  options: WorkerOptions<Env>,
) {
  const checked = checkConfig(options.config ?? {});
  // Read now, so a malformed setting stops the Worker's deployment rather than its first request.
  const mediaSpec =
    checked.mediaStorage === undefined ? undefined : parseMediaStorageSpec(checked.mediaStorage);
  const config = serverConfigOf(checked);
  if (options.sessionTtlSeconds !== undefined) config.sessionTtlSeconds = options.sessionTtlSeconds;
  if (options.showErrorDetails !== undefined) config.showErrorDetails = options.showErrorDetails;
  const sockets = options.sockets;
  if (sockets) config.transports ??= ["sse", "websocket", "json"];
  else {
    const transports = config.transports?.filter((transport) => transport !== "websocket");
    config.transports = transports?.length ? transports : undefined;
  }
  let server: EdgelitServer | undefined;
  const serverFor = (env: Env, origin?: string): EdgelitServer => {
    const assets = (env as WorkerEnv).ASSETS;
    server ??= createServer({
      ...config,
      app: options.app,
      storage: options.storage(env),
      mediaStorage:
        options.mediaStorage?.(env) ??
        (mediaSpec && workerMediaStorage(mediaSpec, env, options.secrets?.(env))),
      log: options.log,
      secrets: options.secrets?.(env),
      // The binding serves by path; a server first built in a socket's object has no request URL.
      assets:
        assets &&
        ((pathname) =>
          assets
            .fetch(new Request(new URL(pathname, origin ?? "http://localhost/")))
            .then(okOrUndefined)),
      // Each socket gets an object of its own, near the page that opened it.
      acceptSocket:
        sockets &&
        ((request, requestEnv) => {
          const namespace = sockets((requestEnv ?? env) as Env);
          return namespace.get(namespace.newUniqueId() as never).fetch(request);
        }),
    });
    return server;
  };
  if (sockets) registerSocketServer((env) => serverFor(env as Env));
  return {
    fetch(request: Request, env: Env, ctx?: WorkerExecutionContext): Promise<Response> {
      // cacheData's background refreshes run within this request's waitUntil.
      if (ctx) keepBackgroundTasksWith((task) => ctx.waitUntil(task));
      // The app reads this request's bindings as `st.context.env`.
      return serverFor(env, request.url).fetch(request, env as Readonly<Record<string, unknown>>);
    },
  };
}

function okOrUndefined(response: Response): Response | undefined {
  return response.ok ? response : undefined;
}
