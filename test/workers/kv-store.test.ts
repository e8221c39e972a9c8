import { Miniflare } from "miniflare";
import { createStorage } from "unstorage";
import kvDriver from "unstorage/drivers/cloudflare-kv-binding";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { defineApp } from "../../src/index.ts";
import { createServer } from "../../src/server/create-server.ts";
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

test("a server whose sessions are in KV warns at startup that KV is eventually consistent", () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    createServer({
      app: defineApp((st) => st.text("hi")),
      storage: createStorage({ driver: kvDriver({ binding: namespace as never }) }),
    });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /eventually consistent store \(Cloudflare KV\).*use a Durable Object or Upstash store/,
    );
    warn.mockClear();
    createServer({ app: defineApp((st) => st.text("hi")), storage: createStorage() });
    expect(warn).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
  }
});
