/**
 * The HTTP server as a plain fetch handler, for any runtime that speaks
 * `fetch(request) => Response` (Node through srvx, Bun, Deno, Workers, ...).
 *
 * @example
 * import { createServer } from "edgelit/server";
 * const server = createServer({ app, storage: createStorage({ driver: redisDriver({ url }) }) });
 * export default { fetch: server.fetch };
 */
export { createServer } from "./create-server.ts";
export type { AssetSource, EdgelitServer, ServerOptions } from "./create-server.ts";
export type { AllowedHosts } from "./host-check.ts";
export type { ServerLog } from "./server-log.ts";
export type { ShowErrorDetails } from "../runner/exception-props.ts";
