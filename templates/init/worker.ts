// The app as a Cloudflare Worker (see wrangler.toml). `Env` is the interface
// `npx wrangler types` writes to worker-configuration.d.ts from wrangler.toml.
import { createStorage } from "unstorage";
import { createWorker, durableObjectDriver } from "edgelit/cloudflare";
// For sessions in KV instead: import kvDriver from "unstorage/drivers/cloudflare-kv-binding";
import app from "./app.ts";

// The Durable Object class that keeps the sessions; wrangler.toml binds it as SESSIONS.
export { EdgelitSessionStore } from "edgelit/cloudflare";

export default createWorker<Env>({
  app,
  storage: (env) => createStorage({ driver: durableObjectDriver({ namespace: env.SESSIONS }) }),
  // For KV instead: storage: (env) => createStorage({ driver: kvDriver({ binding: env.SESSIONS }) }),
});
