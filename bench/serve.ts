// "The limit", in its own process: a bare h3 handler doing one store read and
// one store write of edgelit's own session record (read from recordFile, as
// the store held it), answering as many bytes as edgelit's click.
// Prints its URL, then serves until killed. (edgelit itself is benchmarked
// as users run it, with `edgelit start`: see processes.ts.)
//   tsx bench/serve.ts limit <storage> [recordFile] [responseBytes]
import { readFileSync } from "node:fs";
import { H3 } from "h3";
import { serve } from "h3/node";
import { storageFromFlag } from "../adapters/node/cli/storage-flag.ts";

// Without a record file (the cold-start figure needs none), a minimal record.
const [, storageFlag = "memory", recordFile, responseBytes = "300"] = process.argv.slice(2);
const { storage } = await storageFromFlag(storageFlag, process.cwd());

function limitApp(): H3 {
  // The same JSON shape as edgelit's record, so reading and writing it costs what edgelit's does.
  type Stored = { json: { version: number } };
  const record = (
    recordFile ? JSON.parse(readFileSync(recordFile, "utf8")) : { json: { version: 0 } }
  ) as Stored;
  const h3 = new H3();
  h3.post("/_edgelit/event", async (event) => {
    const request = (await event.req.json()) as { sessionId: string | null };
    const sessionId = request.sessionId ?? crypto.randomUUID().replaceAll("-", "");
    const key = `edgelit:session:${sessionId}`;
    const stored = ((await storage.getItem(key)) as Stored | null) ?? record;
    await storage.setItem(
      key,
      { json: { ...stored.json, version: stored.json.version + 1 } },
      { ttl: 3600 },
    );
    // The same messages a click's answer starts and ends with, padded to the same size.
    const start = `data: {"type":"start","sessionId":"${sessionId}"}\n\n`;
    const finish = `data: {"type":"finish","runId":"0"}\n\n`;
    const padding = `: ${"x".repeat(Math.max(0, Number(responseBytes) - start.length - finish.length - 3))}\n`;
    return new Response(start + padding + finish, {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
    });
  });
  return h3;
}

const h3 = limitApp();
const server = serve(h3, { port: 0, hostname: "127.0.0.1", silent: true, gracefulShutdown: false });
await server.ready();
console.log(`serving at ${server.url!.replace(/\/$/, "")}`);
process.on("SIGTERM", async () => {
  await server.close(true);
  await storage.dispose();
  process.exit(0);
});
