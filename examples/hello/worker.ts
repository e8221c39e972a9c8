import { createStorage } from "unstorage";
import kvDriver from "unstorage/drivers/cloudflare-kv-binding";
import { createWorker } from "edgelit/cloudflare";
import app from "./app.ts";

/** The hello tour as a Cloudflare Worker, with sessions in the SESSIONS KV namespace. */
export default createWorker({
  app,
  storage: (env) => createStorage({ driver: kvDriver({ binding: env.SESSIONS as never }) }),
});
