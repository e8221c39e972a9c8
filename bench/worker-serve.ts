// One bundled Worker under workerd (through Miniflare), in its own process so that the load's
// client does not share its CPU. Prints its URL and workerd's pid, then serves until killed.
//   tsx bench/worker-serve.ts <bundle.js> <memory|kv|do> [direct|entry] [inspectorPort]
// "direct" (the default) serves the Worker on its own socket, as Cloudflare's edge calls it;
// "entry" goes through Miniflare's entry Worker (what `wrangler dev` and Miniflare's `port` serve).
import { readdirSync, readFileSync } from "node:fs";
import { Miniflare } from "miniflare";
import { moduleWorker } from "../test/helpers/worker.ts";

const [script, store = "memory", path = "direct", inspectorPort] = process.argv.slice(2);
if (!script) throw new Error("usage: tsx bench/worker-serve.ts <bundle.js> <memory|kv|do>");

const miniflare = new Miniflare({
  cf: false,
  ...(path === "entry" && { host: "127.0.0.1", port: 0 }),
  ...(inspectorPort && { inspectorPort: Number(inspectorPort) }),
  workers: [
    {
      name: "counter",
      ...moduleWorker(script),
      // The limit's settings (bench/counter-worker.ts), from the bench.
      bindings: { STORE: store, ...(JSON.parse(process.env.BENCH_BINDINGS ?? "{}") as object) },
      kvNamespaces: ["SESSIONS"],
      durableObjects: {
        SESSION_OBJECTS: { className: "EdgelitSessionStore", useSQLite: true },
      },
      // Straight to the Worker, as on Cloudflare: not through Miniflare's entry Worker.
      ...(path === "direct" && { unsafeDirectSockets: [{ host: "127.0.0.1", port: 0 }] }),
    },
  ],
});
const entry = await miniflare.ready;
const url =
  path === "direct" ? (await miniflare.unsafeGetDirectURL("counter")).origin : entry.origin;
console.log(`serving at ${url} workerd ${workerdPid()}`);
process.on("SIGTERM", async () => {
  await miniflare.dispose();
  process.exit(0);
});

/** The pid of the workerd that Miniflare spawned: this process's child named workerd. */
function workerdPid(): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [comm, rest] = [
        stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
        stat.slice(stat.lastIndexOf(")") + 2),
      ];
      if (comm === "workerd" && Number(rest.split(" ")[1]) === process.pid) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error("workerd's process was not found");
}
