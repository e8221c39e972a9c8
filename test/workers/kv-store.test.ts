import { Miniflare } from "miniflare";
import { createStorage } from "unstorage";
import kvDriver from "unstorage/drivers/cloudflare-kv-binding";
import { afterAll, beforeAll } from "vitest";
import { COMPATIBILITY_DATE } from "../helpers/worker.ts";
import { describeSessionStore } from "../integration/session-store-contract.ts";

// Cloudflare KV as workerd implements it: unstorage's KV driver, given Miniflare's
// namespace, runs every get, put and delete in workerd's own KV.
let miniflare: Miniflare;
let namespace: unknown;

beforeAll(async () => {
  miniflare = new Miniflare({
    modules: true,
    script: "export default { fetch: () => new Response('') };",
    compatibilityDate: COMPATIBILITY_DATE,
    kvNamespaces: ["SESSIONS"],
    cf: false,
  });
  namespace = await miniflare.getKVNamespace("SESSIONS");
});

afterAll(async () => {
  await miniflare?.dispose();
});

describeSessionStore("Cloudflare KV under workerd", {
  storage: () => createStorage({ driver: kvDriver({ binding: namespace as never }) }),
  guarantee: "last-writer-wins",
});
