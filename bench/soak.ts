// `npm run soak`: a long run of simulated tabs against one server on Redis, outside `npm test`.
// Each minute it reports the server's RSS and heap, the click latencies and Redis's used_memory;
// at the end, whether every tab's count equals its acknowledged clicks, and a summary written to
// BENCHMARKS.md ("Soak"). `-- --minutes 2 --tabs 10 --think-ms 50` (or EDGELIT_SOAK_MINUTES).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildCompiledCli, isCompiledCliFresh } from "../bin/compiled-cli.mjs";
import { startRedis, tempDir } from "../test/helpers/processes.ts";
import { Tab } from "./load.ts";
import { startBenchServer } from "./processes.ts";
import { renderSoak, type SoakMinute, type SoakSummary } from "./soak-report.ts";
import { countShown, percentile, readProbe, redisUsedMemory } from "./soak-measures.ts";

const settings = readSettings();
if (!isCompiledCliFresh()) await buildCompiledCli();
const redis = await startRedis();
const probeDir = tempDir("edgelit-soak-");
const probeFile = resolve(probeDir.path, "memory.jsonl");
// The server writes its own memory every 5 s (a preloaded module; the timer does not keep it up).
const probe = `import{appendFileSync}from"node:fs";setInterval(()=>{const m=process.memoryUsage();appendFileSync(${JSON.stringify(probeFile)},JSON.stringify({rss:m.rss,heapUsed:m.heapUsed})+"\\n")},5000).unref();`;
const server = await startBenchServer(
  ["edgelit", redis.url],
  [`--import=data:text/javascript,${encodeURIComponent(probe)}`],
);
try {
  console.log(
    `soak: ${settings.tabs} tabs for ${settings.minutes} min (think ${settings.thinkMs} ms) at ${server.url}, Redis ${redis.url}`,
  );
  const tabs = await Promise.all(
    Array.from({ length: settings.tabs }, async () => {
      const tab = new Tab(server.url);
      await tab.load();
      return tab;
    }),
  );
  const acknowledged = tabs.map(() => 0);
  const minutes: SoakMinute[] = [];
  const started = performance.now();
  const end = started + settings.minutes * 60_000;
  let window: number[] = [];
  let errors = 0;
  const clicking = tabs.map(async (tab, index) => {
    while (performance.now() < end) {
      const sent = performance.now();
      const answer = await tab.click().catch(() => undefined);
      if (answer?.status === 200 && answer.body.includes('"type":"finish"')) acknowledged[index]!++;
      else errors++;
      window.push(performance.now() - sent);
      if (settings.thinkMs > 0) await new Promise((done) => setTimeout(done, settings.thinkMs));
    }
  });
  const reporting = (async () => {
    for (let minute = 1; minute <= Math.ceil(settings.minutes); minute++) {
      const at = Math.min(started + minute * 60_000, end);
      await new Promise((done) => setTimeout(done, Math.max(0, at - performance.now())));
      const latencies = window.sort((a, b) => a - b);
      window = [];
      const memory = readProbe(probeFile);
      const row: SoakMinute = {
        minute,
        clicks: latencies.length,
        errors,
        p50Ms: percentile(latencies, 0.5),
        p95Ms: percentile(latencies, 0.95),
        p99Ms: percentile(latencies, 0.99),
        maxMs: latencies.at(-1) ?? 0,
        rssMb: memory.rss / 2 ** 20,
        heapMb: memory.heapUsed / 2 ** 20,
        redisMb: (await redisUsedMemory(redis.url)) / 2 ** 20,
      };
      minutes.push(row);
      console.log(
        `minute ${minute}: ${row.clicks} clicks, ${row.errors} errors, p50 ${row.p50Ms.toFixed(1)} ms, p95 ${row.p95Ms.toFixed(1)} ms, p99 ${row.p99Ms.toFixed(1)} ms, max ${row.maxMs.toFixed(0)} ms; RSS ${row.rssMb.toFixed(1)} MB, heap ${row.heapMb.toFixed(1)} MB, Redis ${row.redisMb.toFixed(2)} MB`,
      );
    }
  })();
  await Promise.all([...clicking, reporting]);
  // Every acknowledged click counted once: each tab's count, read back, equals its acknowledgements.
  const shown = await Promise.all(
    tabs.map(async (tab) => {
      tab.lastRunId = null; // the whole page, not what changed
      return countShown((await tab.load()).body);
    }),
  );
  const miscounted = shown.filter((count, index) => count !== acknowledged[index]).length;
  const summary: SoakSummary = {
    date: new Date().toISOString().slice(0, 10),
    minutes: settings.minutes,
    tabs: settings.tabs,
    thinkMs: settings.thinkMs,
    clicks: acknowledged.reduce((sum, count) => sum + count, 0),
    miscounted,
    rows: minutes,
  };
  console.log(
    `soak: ${summary.clicks} acknowledged clicks, ${miscounted} of ${tabs.length} tabs miscounted`,
  );
  const benchmarks = resolve(import.meta.dirname, "../BENCHMARKS.md");
  writeFileSync(benchmarks, withSoakSection(readFileSync(benchmarks, "utf8"), renderSoak(summary)));
  // The table's columns aligned as the format check wants them.
  spawnSync("npx", ["oxfmt", benchmarks], { stdio: "ignore", timeout: 60_000 });
  console.log("soak: summary written to BENCHMARKS.md (Soak)");
  if (miscounted > 0) process.exitCode = 1;
} finally {
  await server.stop();
  await redis.stop();
  probeDir.remove();
}

// --- Internal helpers ---

interface SoakSettings {
  minutes: number;
  tabs: number;
  thinkMs: number;
}

/** Flags, else the environment, else the defaults; each held to a bounded range. */
function readSettings(): SoakSettings {
  const flag = (name: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const number = (name: string, env: string, fallback: number, min: number, max: number) => {
    const raw = flag(name) ?? process.env[env];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value < min || value > max)
      throw new Error(`--${name} (${env}) must be a number from ${min} to ${max}; got ${raw}`);
    return value;
  };
  return {
    minutes: number("minutes", "EDGELIT_SOAK_MINUTES", 10, 0.5, 120),
    tabs: number("tabs", "EDGELIT_SOAK_TABS", 10, 1, 200),
    thinkMs: number("think-ms", "EDGELIT_SOAK_THINK_MS", 50, 0, 10_000),
  };
}

/** BENCHMARKS.md with its "Soak" section replaced by `section` (or added at the end). */
function withSoakSection(markdown: string, section: string): string {
  const start = markdown.indexOf("\n## Soak\n");
  if (start < 0) return `${markdown.trimEnd()}\n\n${section}`;
  const next = markdown.indexOf("\n## ", start + 1);
  return `${markdown.slice(0, start + 1)}${section}${next < 0 ? "" : markdown.slice(next)}`;
}
