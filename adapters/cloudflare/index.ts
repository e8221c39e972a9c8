import type { Storage } from "unstorage";
import type { AppDefinition } from "../../src/app/define-app.ts";
import { createServer, type EdgelitServer } from "../../src/server/create-server.ts";

export { EdgelitSessionStore, durableObjectDriver } from "./durable-object-store.ts";
export type {
  DurableObjectDriverOptions,
  SessionStoreNamespace,
  SessionStoreStub,
} from "./durable-object-store.ts";

/** The bindings a Worker receives; `ASSETS` serves the built client when configured. */
export interface WorkerEnv {
  ASSETS?: { fetch(request: Request): Promise<Response> };
  [binding: string]: unknown;
}

/**
 * Options of {@link createWorker}. `Env` is any object type, so the `Env`
 * interface that `wrangler types` writes fits (an interface has no index
 * signature, so it would not fit {@link WorkerEnv}).
 */
export interface WorkerOptions<Env extends object = WorkerEnv> {
  app: AppDefinition;
  /** The session store, from the Worker's bindings (KV, a Durable Object, Upstash, ...). */
  storage: (env: Env) => Storage;
  sessionTtlSeconds?: number;
}

/**
 * A Cloudflare Worker serving an edgelit app. Each isolate builds the server
 * once, on its first request; sessions live only in the store.
 *
 * @example
 * export default createWorker({
 *   app,
 *   storage: (env) => createStorage({ driver: kvDriver({ binding: env.SESSIONS }) }),
 * });
 */
export function createWorker<Env extends object = WorkerEnv>(options: WorkerOptions<Env>) {
  let server: EdgelitServer | undefined;
  return {
    fetch(request: Request, env: Env): Promise<Response> {
      const { ASSETS } = env as WorkerEnv;
      server ??= createServer({
        app: options.app,
        storage: options.storage(env),
        sessionTtlSeconds: options.sessionTtlSeconds,
        assets:
          ASSETS &&
          ((pathname) =>
            ASSETS.fetch(new Request(new URL(pathname, request.url))).then(okOrUndefined)),
      });
      return server.fetch(request);
    },
  };
}

function okOrUndefined(response: Response): Response | undefined {
  return response.ok ? response : undefined;
}
