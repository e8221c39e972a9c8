// `npm run bench`: every figure of BENCHMARKS.md, measured in one run on this
// machine, and written into its results section. `-- --quick` shortens it.
import { cpus, totalmem } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "vite";
import { buildCompiledCli, isCompiledCliFresh } from "../bin/compiled-cli.mjs";
import { startRedis, tempDir } from "../test/helpers/processes.ts";
import { measureClientSizes, measureFirstRender } from "./client.ts";
import { measureColdStart } from "./cold-start.ts";
import { measureVariantBytes, measureVariantLoads } from "./counter-variants.ts";
import { compareWithLimit, measureWire, type LoadRow } from "./event-loop.ts";
import { measureIdleMemory } from "./memory.ts";
import { measureWorker } from "./worker.ts";
import { startBenchServer } from "./processes.ts";
import { renderResults } from "./report.ts";
import { measureInProcess } from "./processes.ts";

const quick = process.argv.includes("--quick");
const seconds = quick ? 1 : 2;
const rounds = quick ? 1 : 3;
const tabCounts = [1, 10, 50];

await build({ configFile: resolve(import.meta.dirname, "../vite.config.ts"), logLevel: "warn" });
// edgelit runs as users run it, compiled: build it now rather than inside a timed start.
if (!isCompiledCliFresh()) await buildCompiledCli();
const redis = await startRedis();
const fsDir = tempDir("edgelit-bench-fs-");
try {
  console.log("wire sizes…");
  const sizer = await startBenchServer(["edgelit", redis.url]);
  const { Redis } = await import("ioredis");
  const client = new Redis(redis.url);
  const wire = await measureWire(sizer, async () => {
    const [key] = await client.keys("edgelit:session:*");
    return (await client.get(key!)) ?? "";
  });
  await sizer.stop();

  console.log("the counter's two variants (one element changed, 21 of 25)…");
  const variantBytes = [
    await measureVariantBytes("one", redis.url),
    await measureVariantBytes("lines", redis.url),
  ];
  const variantLoads = await measureVariantLoads("memory", "memory", 10, seconds, rounds);

  console.log("event loop vs the limit…");
  const rows: LoadRow[] = [];
  for (const [store, flag] of [
    ["memory", "memory"],
    ["fs", `fs:${fsDir.path}`],
    ["redis", redis.url],
  ] as const) {
    rows.push(...(await compareWithLimit(store, flag, wire, tabCounts, seconds, rounds)));
  }

  console.log("CPU per event in process, a fragment's rerun, the rerun alone…");
  const { cpu, fragment, rerunMicroseconds } = await measureInProcess(quick);

  console.log("idle memory…");
  await client.flushall();
  const redisBaseline = Number((await client.info("memory")).match(/used_memory:(\d+)/)![1]);
  const memory = {
    redis: measureIdleMemory(redis.url),
    fs: measureIdleMemory(`fs:${fsDir.path}/idle`),
  };
  const redisAfter = Number((await client.info("memory")).match(/used_memory:(\d+)/)![1]);
  const storeBytesPerSession = (redisAfter - redisBaseline) / 10_000;
  client.disconnect();

  console.log("cold start…");
  const coldStart = await measureColdStart(quick ? 3 : 5);
  const worker = await measureWorker(resolve(fsDir.path, "worker"), quick ? 3 : 5);

  console.log("client…");
  const clientSizes = measureClientSizes();
  const firstRenderMs = await measureFirstRender(quick ? 3 : 5);

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const results = renderResults({
    machine,
    seconds,
    rounds,
    rows,
    wire,
    variantBytes,
    variantLoads,
    cpu,
    fragment,
    rerunMicroseconds,
    memory,
    storeBytesPerSession,
    coldStart,
    worker,
    clientSizes,
    firstRenderMs,
  });
  const file = resolve(import.meta.dirname, "../BENCHMARKS.md");
  const current = readFileSync(file, "utf8");
  const start = current.indexOf("<!-- results:start -->");
  const end = current.indexOf("<!-- results:end -->");
  if (start === -1 || end === -1) throw new Error("BENCHMARKS.md lacks the results markers");
  writeFileSync(
    file,
    `${current.slice(0, start)}<!-- results:start -->\n${results}\n${current.slice(end)}`,
  );
  console.log(results);
} finally {
  await redis.stop();
  fsDir.remove();
}
