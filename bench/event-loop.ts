import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runLoad, Tab, type LoadResult } from "./load.ts";
import type { BenchServer } from "./processes.ts";
import { startBenchServer } from "./processes.ts";

/** One row: edgelit and the limit under the same store and load, each the median of its rounds. */
export interface LoadRow {
  store: string;
  tabs: number;
  edgelit: LoadResult & { cpuMsPerEvent: number };
  limit: LoadResult & { cpuMsPerEvent: number };
  /** edgelit's throughput over the limit's: the median of the rounds' ratios. */
  ratio: number;
  rounds: number;
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
export async function measureWire(
  server: BenchServer,
  storedRecord: () => Promise<string>,
): Promise<WireSizes> {
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
    ...(await storedRecord().then((record) => ({
      record,
      recordBytes: Buffer.byteLength(record),
    }))),
  };
}

async function measured(
  server: BenchServer,
  tabs: number,
  seconds: number,
  warmUpMs: number,
): Promise<LoadResult & { cpuMsPerEvent: number }> {
  let cpuBefore = 0;
  const result = await runLoad(server.url, tabs, seconds, {
    warmUpMs,
    onTimed: () => (cpuBefore = server.cpuSeconds()),
  });
  const cpu = server.cpuSeconds() - cpuBefore;
  return { ...result, cpuMsPerEvent: (cpu * 1000) / Math.max(1, result.events) };
}

/** The median of each figure over the rounds. */
function medianResult(
  results: (LoadResult & { cpuMsPerEvent: number })[],
): LoadResult & { cpuMsPerEvent: number } {
  const of = (pick: (result: LoadResult & { cpuMsPerEvent: number }) => number) =>
    median(results.map(pick));
  return {
    events: of((r) => r.events),
    seconds: of((r) => r.seconds),
    eventsPerSecond: of((r) => r.eventsPerSecond),
    p50Ms: of((r) => r.p50Ms),
    p99Ms: of((r) => r.p99Ms),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    cpuMsPerEvent: of((r) => r.cpuMsPerEvent),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * For each concurrency, edgelit then the limit, back to back against the same
 * store, for `rounds` rounds: the machine is shared and its load drifts, so
 * each round's ratio compares two runs made moments apart, and the row keeps
 * the medians. The first round of each server warms it up for a second (the
 * JIT settles, as in a server that has run a while).
 */
export async function compareWithLimit(
  store: string,
  storageFlag: string,
  sizes: WireSizes,
  tabCounts: number[],
  seconds: number,
  rounds: number,
): Promise<LoadRow[]> {
  const edgelit = await startBenchServer(["edgelit", storageFlag]);
  const recordFile = join(tmpdir(), `edgelit-bench-record-${process.pid}.json`);
  writeFileSync(recordFile, sizes.record);
  const limit = await startBenchServer(["limit", storageFlag, recordFile, String(sizes.clickBody)]);
  const rows: LoadRow[] = [];
  try {
    let warmUpMs = 1000;
    for (const tabs of tabCounts) {
      const edgelitResults = [];
      const limitResults = [];
      const ratios = [];
      for (let round = 0; round < rounds; round++) {
        const edgelitResult = await measured(edgelit, tabs, seconds, warmUpMs);
        const limitResult = await measured(limit, tabs, seconds, warmUpMs);
        warmUpMs = 300;
        edgelitResults.push(edgelitResult);
        limitResults.push(limitResult);
        ratios.push(edgelitResult.eventsPerSecond / limitResult.eventsPerSecond);
      }
      const row = {
        store,
        tabs,
        edgelit: medianResult(edgelitResults),
        limit: medianResult(limitResults),
        ratio: median(ratios),
        rounds,
      };
      rows.push(row);
      console.log(
        `  ${store} ${tabs} tabs: edgelit ${row.edgelit.eventsPerSecond.toFixed(0)}/s, limit ${row.limit.eventsPerSecond.toFixed(0)}/s, ratio ${row.ratio.toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
      );
    }
  } finally {
    await edgelit.stop();
    await limit.stop();
    rmSync(recordFile, { force: true });
  }
  return rows;
}
