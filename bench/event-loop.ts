import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runLoad, Tab, type LoadResult } from "./load.ts";
import type { BenchServer } from "./processes.ts";
import { startBenchServer } from "./processes.ts";

/** One row: edgelit and the limit under the same store and load. */
export interface LoadRow {
  store: string;
  tabs: number;
  edgelit: LoadResult & { cpuMsPerEvent: number };
  limit: LoadResult & { cpuMsPerEvent: number };
}

/** The sizes the limit server must match: edgelit's stored record and a click's answer. */
export interface WireSizes {
  firstLoadBody: number;
  firstLoadHeaders: number;
  clickBody: number;
  clickHeaders: number;
  clickElements: number;
  recordBytes: number;
  /** The stored record itself, as the store holds it (JSON). */
  record: string;
}

/** Bytes of a first load and of a click that changes one element, and the stored record's size. */
export async function measureWire(server: BenchServer, storedRecord: () => Promise<string>): Promise<WireSizes> {
  const tab = new Tab(server.url);
  const first = await tab.load();
  await tab.click();
  const click = await tab.click();
  return {
    firstLoadBody: Buffer.byteLength(first.body),
    firstLoadHeaders: first.headerBytes,
    clickBody: Buffer.byteLength(click.body),
    clickHeaders: click.headerBytes,
    clickElements: click.body.split('"type":"element"').length - 1,
    ...(await storedRecord().then((record) => ({ record, recordBytes: Buffer.byteLength(record) }))),
  };
}

async function measured(server: BenchServer, tabs: number, seconds: number): Promise<LoadResult & { cpuMsPerEvent: number }> {
  let cpuBefore = 0;
  // A second of warm-up: the JIT settles first, as in a server that has run a while.
  const result = await runLoad(server.url, tabs, seconds, { warmUpMs: 1000, onTimed: () => (cpuBefore = server.cpuSeconds()) });
  const cpu = server.cpuSeconds() - cpuBefore;
  return { ...result, cpuMsPerEvent: (cpu * 1000) / Math.max(1, result.events) };
}

/**
 * For each concurrency, edgelit then the limit, back to back against the same
 * store, so both see the same machine at the same time.
 */
export async function compareWithLimit(
  store: string,
  storageFlag: string,
  sizes: WireSizes,
  tabCounts: number[],
  seconds: number,
): Promise<LoadRow[]> {
  const edgelit = await startBenchServer(["edgelit", storageFlag]);
  const recordFile = join(tmpdir(), `edgelit-bench-record-${process.pid}.json`);
  writeFileSync(recordFile, sizes.record);
  const limit = await startBenchServer(["limit", storageFlag, recordFile, String(sizes.clickBody)]);
  const rows: LoadRow[] = [];
  try {
    for (const tabs of tabCounts) {
      const edgelitResult = await measured(edgelit, tabs, seconds);
      const limitResult = await measured(limit, tabs, seconds);
      rows.push({ store, tabs, edgelit: edgelitResult, limit: limitResult });
      console.log(`  ${store} ${tabs} tabs: edgelit ${edgelitResult.eventsPerSecond.toFixed(0)}/s, limit ${limitResult.eventsPerSecond.toFixed(0)}/s`);
    }
  } finally {
    await edgelit.stop();
    await limit.stop();
    rmSync(recordFile, { force: true });
  }
  return rows;
}
