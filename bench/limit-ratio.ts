// `npx tsx --conditions=edgelit-source bench/limit-ratio.ts [--stores memory,redis] [--tabs 1,10,50] [--rounds 3] [--seconds 2]`
// The "event loop against its limit" rows of `npm run bench` alone (bench/event-loop.ts):
// edgelit and the bare h3 handler in turns, per store and tab count, as a markdown table.
import { startRedis, tempDir } from "../test/helpers/processes.ts";
import { compareWithLimit, measureWire, type LoadRow } from "./event-loop.ts";
import { startBenchServer } from "./processes.ts";

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
};
const stores = option("stores", "memory,redis").split(",");
const tabCounts = option("tabs", "1,10,50").split(",").map(Number);
const rounds = Math.min(20, Number(option("rounds", "3")));
const seconds = Math.min(30, Number(option("seconds", "2")));

const redis = await startRedis();
const fsDir = tempDir("edgelit-bench-fs-");
try {
  // The limit reads and writes edgelit's own record, as the store holds it.
  const sizer = await startBenchServer(["edgelit", redis.url]);
  const { Redis } = await import("ioredis");
  const client = new Redis(redis.url);
  const wire = await measureWire(sizer, async () => {
    const [key] = await client.keys("edgelit:session:*");
    return (await client.get(key!)) ?? "";
  });
  await sizer.stop();
  client.disconnect();
  const flags: Record<string, string> = {
    memory: "memory",
    redis: redis.url,
    fs: `fs:${fsDir.path}`,
  };
  const rows: LoadRow[] = [];
  for (const store of stores)
    rows.push(...(await compareWithLimit(store, flags[store]!, wire, tabCounts, seconds, rounds)));
  console.log(
    "\n| store | tabs | edgelit ev/s | limit ev/s | edgelit / limit (rounds' median) | edgelit CPU ms/ev | limit CPU ms/ev | limit CPU / edgelit CPU |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const row of rows)
    console.log(
      `| ${row.store} | ${row.tabs} | ${row.edgelit.eventsPerSecond.toFixed(0)} | ${row.limit.eventsPerSecond.toFixed(0)} | **${row.ratio.toFixed(2)}** | ${row.edgelit.cpuMsPerEvent.toFixed(3)} | ${row.limit.cpuMsPerEvent.toFixed(3)} | ${(row.limit.cpuMsPerEvent / row.edgelit.cpuMsPerEvent).toFixed(2)} |`,
    );
} finally {
  await redis.stop();
  fsDir.remove();
}
