// `npx tsx --conditions=edgelit-source bench/worker-load.ts [--tabs 1,10] [--seconds 3] [--rounds 3] [--stores memory,memory-slow,kv,do] [--limits kv,do] [--threads0] [--entry]`
// CPU per event of the counter app under workerd against Node (`edgelit start`, memory store),
// side by side in one run: round after round, each server serves the same load in turn (a fresh
// process each time), and the CPU of its process is read from /proc by pid. Under workerd the
// figure is workerd's whole process, which also runs Miniflare's KV simulator and the Durable
// Objects; "limit" rows are a bare Worker doing the same store read and write (bench/serve.ts's
// limit, under workerd), so the part that is edgelit's is the difference. Ratios are the median
// of each round's ratio to that round's Node figure (rounds run minutes apart on a shared machine).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildCompiledCli, isCompiledCliFresh } from "../bin/compiled-cli.mjs";
import { tempDir } from "../test/helpers/processes.ts";
import { measureWire } from "./event-loop.ts";
import { runLoad, Tab } from "./load.ts";
import { startBenchServer } from "./processes.ts";
import {
  bundleCounterWorker,
  startWorkerServer,
  systemSecondsOf,
  type Served,
} from "./worker-server.ts";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
};
const list = (name: string, fallback: string) => flag(name, fallback).split(",").filter(Boolean);
const tabCounts = list("tabs", "1,10").map(Number);
const seconds = Math.min(30, Number(flag("seconds", "3")));
const rounds = Math.min(20, Number(flag("rounds", "3")));
const stores = list("stores", "memory,memory-slow,kv,do");
const limitStores = list("limits", "kv,do");

if (!isCompiledCliFresh()) await buildCompiledCli();
const out = tempDir("edgelit-worker-load-");
try {
  // The limit stores edgelit's own record and answers a click's bytes, as in `npm run bench`.
  const sizer = await startBenchServer(["edgelit", `fs:${join(out.path, "sizer")}`]);
  const wire = await measureWire(sizer, async () => {
    const file = readdirSync(join(out.path, "sizer"), {
      recursive: true,
      withFileTypes: true,
    }).find((entry) => entry.isFile() && /[/\\]session$/.test(entry.parentPath));
    return readFileSync(join(file!.parentPath, file!.name), "utf8");
  });
  await sizer.stop();
  const recordFile = join(out.path, "record.json");
  writeFileSync(recordFile, wire.record);
  const limitBindings = {
    LIMIT: "1",
    RECORD: wire.record,
    RESPONSE_BYTES: String(wire.clickBody),
  };

  const bundle = bundleCounterWorker(out.path);
  for (const store of ["kv", "do"]) {
    const calls = await storeCallsPerClick(bundle, store);
    console.log(`store calls per click, ${store}: ${JSON.stringify(calls)}`);
  }
  type Variant = [string, () => Promise<Served>];
  const variants: Variant[] = [
    ["node (edgelit start), memory", () => startBenchServer(["edgelit", "memory"])],
    ...(argv.includes("--threads0")
      ? [
          [
            "node, threads 0, memory",
            () => startBenchServer(["edgelit", "memory"], [], { EDGELIT_THREADS: "0" }),
          ] satisfies Variant,
        ]
      : []),
    [
      "node limit, memory",
      () => startBenchServer(["limit", "memory", recordFile, String(wire.clickBody)]),
    ],
    ...stores.map((store): Variant => [
      `workerd, ${store}`,
      () => startWorkerServer(bundle, store),
    ]),
    ...limitStores.map((store): Variant => [
      `workerd limit, ${store}`,
      () => startWorkerServer(bundle, store, "direct", undefined, limitBindings),
    ]),
    ...(argv.includes("--entry")
      ? stores.map((store): Variant => [
          `workerd via Miniflare's entry Worker, ${store}`,
          () => startWorkerServer(bundle, store, "entry"),
        ])
      : []),
  ];
  type Row = {
    eventsPerSecond: number;
    cpuMs: number;
    systemMs: number;
    hostCpuMs: number;
    p50Ms: number;
  };
  const results = new Map<string, Row[]>();
  for (let round = 1; round <= rounds; round++) {
    for (const tabs of tabCounts) {
      for (const [name, start] of variants) {
        const server = await start();
        try {
          let cpuBefore = 0;
          let hostBefore = 0;
          let systemBefore = 0;
          const load = await runLoad(server.url, tabs, seconds, {
            warmUpMs: 2000,
            onTimed: () => {
              cpuBefore = server.cpuSeconds();
              hostBefore = server.hostCpuSeconds?.() ?? 0;
              systemBefore = systemSecondsOf(server.pid);
            },
          });
          if (load.errors) throw new Error(`${name}: ${load.errors} events failed`);
          const row: Row = {
            eventsPerSecond: load.eventsPerSecond,
            cpuMs: ((server.cpuSeconds() - cpuBefore) * 1000) / load.events,
            systemMs: ((systemSecondsOf(server.pid) - systemBefore) * 1000) / load.events,
            hostCpuMs: (((server.hostCpuSeconds?.() ?? 0) - hostBefore) * 1000) / load.events,
            p50Ms: load.p50Ms,
          };
          const key = `${tabs}|${name}`;
          results.set(key, [...(results.get(key) ?? []), row]);
          console.log(
            `round ${round}, ${tabs} tabs: ${name}: ${row.eventsPerSecond.toFixed(0)} ev/s, ${row.cpuMs.toFixed(3)} ms CPU per event (${row.systemMs.toFixed(3)} in the kernel; Miniflare's Node ${row.hostCpuMs.toFixed(3)}), p50 ${row.p50Ms.toFixed(2)} ms`,
          );
        } finally {
          await server.stop();
        }
      }
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(
    `\nrecord ${wire.recordBytes} B, click answer ${wire.clickBody} B; ${rounds} rounds of ${seconds} s, medians:`,
  );
  console.log(
    "| tabs | server | events/s | CPU ms per event | of which kernel | × Node's CPU | p50 ms |",
  );
  console.log(
    "| ---- | ------ | -------- | ---------------- | --------------- | ------------ | ------ |",
  );
  for (const tabs of tabCounts) {
    const node = results.get(`${tabs}|${variants[0]![0]}`)!;
    for (const [name] of variants) {
      const rows = results.get(`${tabs}|${name}`)!;
      const ratio = median(rows.map((row, round) => row.cpuMs / node[round]!.cpuMs));
      console.log(
        `| ${tabs} | ${name} | ${median(rows.map((r) => r.eventsPerSecond)).toFixed(0)} | ${median(rows.map((r) => r.cpuMs)).toFixed(3)} | ${median(rows.map((r) => r.systemMs)).toFixed(3)} | ${ratio.toFixed(2)} | ${median(rows.map((r) => r.p50Ms)).toFixed(2)} |`,
      );
    }
  }
} finally {
  out.remove();
}

/** The store's calls per click of one tab (after its first load), by driver method. */
async function storeCallsPerClick(bundle: string, store: string): Promise<Record<string, number>> {
  const server = await startWorkerServer(bundle, store);
  try {
    const calls = async () =>
      (await (await fetch(`${server.url}/__bench/store-calls`)).json()) as Record<string, number>;
    const tab = new Tab(server.url);
    await tab.load();
    await tab.click();
    const before = await calls();
    const clicks = 20;
    for (let i = 0; i < clicks; i++) await tab.click();
    const after = await calls();
    return Object.fromEntries(
      Object.entries(after).map(([method, count]) => [
        method,
        (count - (before[method] ?? 0)) / clicks,
      ]),
    );
  } finally {
    await server.stop();
  }
}
