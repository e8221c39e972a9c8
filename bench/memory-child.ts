// Run with --expose-gc: opens sessions through the server in this process,
// leaves them idle, and reports process memory after each step as JSON.
//   node --expose-gc --import tsx bench/memory-child.ts <storage>
import { storageFromFlag } from "../adapters/node/cli/storage-flag.ts";
import { CLIENT_HEADER, PROTOCOL_VERSION } from "../src/protocol/index.ts";
import { createServer } from "../src/server/create-server.ts";
import app from "./counter-app.ts";

const { storage } = await storageFromFlag(process.argv[2] ?? "memory", process.cwd());
const server = createServer({ app, storage });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

async function openSession(): Promise<void> {
  const response = await server.fetch(
    new Request("http://bench.local/_edgelit/event", {
      method: "POST",
      headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
      body: JSON.stringify({
        protocol: PROTOCOL_VERSION,
        sessionId: null,
        lastRunId: null,
        eventId: "load",
        changes: [],
      }),
    }),
  );
  if (!(await response.text()).includes('"type":"finish"'))
    throw new Error("a session failed to open");
}

function settle(): { heapMb: number; rssMb: number } {
  for (let i = 0; i < 4; i++) gc!();
  const usage = process.memoryUsage();
  return { heapMb: usage.heapUsed / 2 ** 20, rssMb: usage.rss / 2 ** 20 };
}

const steps: { sessions: number; heapMb: number; rssMb: number }[] = [];
let opened = 0;
for (const target of (process.env.BENCH_SESSION_STEPS ?? "1,1000,10000").split(",").map(Number)) {
  while (opened < target) {
    // Ten at a time: the way several tabs would arrive, still bounded.
    await Promise.all(Array.from({ length: Math.min(10, target - opened) }, openSession));
    opened = Math.min(target, opened + 10);
  }
  await new Promise((done) => setTimeout(done, 200));
  steps.push({ sessions: opened, ...settle() });
}
console.log(JSON.stringify(steps));
await storage.dispose();
process.exit(0);
