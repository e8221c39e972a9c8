// The bench's counter app as a Worker, for bench/worker-load.ts and bench/worker-profile.ts.
// The STORE binding picks where sessions live: "kv" (the SESSIONS KV namespace, as the hello
// Worker deploys), "do" (Durable Objects, one per session), "memory" (unstorage's memory driver
// inside the isolate: no store round trip, the runtime's own cost; one isolate only) or
// "memory-slow" (the same, each save 30 ms late: a store's latency without its CPU, so every
// answer outlives the quick-answer window and streams). With LIMIT set, the Worker is the limit
// instead: a bare handler doing one read and one write of edgelit's record (RECORD) in the same
// store, answering RESPONSE_BYTES bytes, as bench/serve.ts does on Node.
import { createStorage, type Storage } from "unstorage";
import kvDriver from "unstorage/drivers/cloudflare-kv-binding";
import memoryDriver from "unstorage/drivers/memory";
import { createWorker, durableObjectDriver, type SessionStoreNamespace } from "edgelit/cloudflare";
import app from "./counter-app.ts";

export { EdgelitSessionStore } from "edgelit/cloudflare";

type Env = {
  STORE: string;
  SESSIONS?: unknown;
  SESSION_OBJECTS?: SessionStoreNamespace;
  LIMIT?: string;
  RECORD?: string;
  RESPONSE_BYTES?: string;
};

const memory = createStorage();
let storage: Storage | undefined;

function storageOf(env: Env): Storage {
  if (env.STORE === "do")
    return createStorage({
      driver: counted(durableObjectDriver({ namespace: env.SESSION_OBJECTS! })),
    });
  if (env.STORE === "kv")
    return createStorage({ driver: counted(kvDriver({ binding: env.SESSIONS as never })) });
  if (env.STORE === "memory-slow") return createStorage({ driver: lateSaves(memoryDriver()) });
  return memory;
}

/** Store calls by method since the isolate started, for GET /__bench/store-calls. */
const storeCalls: Record<string, number> = {};

/** The driver, its calls counted by method (its name and flags unchanged). */
function counted<D extends object>(driver: D): D {
  for (const [method, value] of Object.entries(driver)) {
    if (typeof value !== "function") continue;
    (driver as Record<string, unknown>)[method] = (...args: unknown[]) => {
      storeCalls[method] = (storeCalls[method] ?? 0) + 1;
      return (value as (...args: unknown[]) => unknown).apply(driver, args);
    };
  }
  return driver;
}

/** The memory driver (still named "memory"), each write answered 30 ms late. */
function lateSaves(driver: ReturnType<typeof memoryDriver>): ReturnType<typeof memoryDriver> {
  const setItem = driver.setItem!.bind(driver);
  driver.setItem = async (key, value, options) => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    return setItem(key, value, options);
  };
  return driver;
}

const worker = createWorker<Env>({
  app,
  storage: storageOf,
  // The load comes from one client at thousands of events a second, as in the Node bench.
  config: { rateLimitRequestsPerSecond: 0, rateLimitNewSessionsPerMinute: 0 },
});

export default {
  fetch(request: Request, env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }) {
    if (new URL(request.url).pathname === "/__bench/store-calls") return Response.json(storeCalls);
    return env.LIMIT ? limit(request, env) : worker.fetch(request, env, ctx);
  },
};

/** The limit: one read and one write of edgelit's record, the same JSON shape, the same bytes out. */
async function limit(request: Request, env: Env): Promise<Response> {
  type Stored = { json: { version: number } };
  storage ??= storageOf(env);
  const { sessionId: known } = (await request.json()) as { sessionId: string | null };
  const sessionId = known ?? crypto.randomUUID().replaceAll("-", "");
  const key = `edgelit:session:${sessionId}`;
  const stored =
    ((await storage.getItem(key)) as Stored | null) ?? (JSON.parse(env.RECORD!) as Stored);
  stored.json.version++;
  await storage.setItem(key, stored, { ttl: 3600 });
  const start = `data: {"type":"start","sessionId":"${sessionId}"}\n\n`;
  const finish = `data: {"type":"finish","runId":"0"}\n\n`;
  const padding = `: ${"x".repeat(Math.max(0, Number(env.RESPONSE_BYTES) - start.length - finish.length - 3))}\n`;
  return new Response(start + padding + finish, {
    headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
  });
}
