import { counterAppOf } from "./counter-app.ts";
import { measureCpuPerEvent } from "./cpu.ts";
import { runLoad, Tab } from "./load.ts";
import { startBenchServer, type BenchServer } from "./processes.ts";

/** The two variants of the bench's counter app (bench/counter-app.ts). */
export const COUNTER_VARIANTS = {
  /** A click changes one element: the count's line. */
  one: {},
  /** Every line shows the count: a click changes 21 of the 25 elements. */
  lines: { EDGELIT_BENCH_COUNTER: "lines" },
} as const;

/** A variant's name. */
export type CounterVariant = keyof typeof COUNTER_VARIANTS;

/** What a click of one variant sends and stores, measured against Redis. */
export interface VariantBytes {
  variant: CounterVariant;
  firstLoadBody: number;
  clickBody: number;
  clickElements: number;
  recordBytes: number;
  /** Bytes the server sent Redis (writes) and Redis sent back (reads), per click: the store's own count. */
  storeBytesWrittenPerEvent: number;
  storeBytesReadPerEvent: number;
}

/** CPU and throughput of one variant under one load. */
export interface VariantLoad {
  variant: CounterVariant;
  store: string;
  tabs: number;
  eventsPerSecond: number;
  cpuMsPerEvent: number;
  p50Ms: number;
}

/** Starts `edgelit start` serving one variant of the counter app. */
export function startVariant(variant: CounterVariant, storageFlag: string): Promise<BenchServer> {
  return startBenchServer(["edgelit", storageFlag], [], { ...COUNTER_VARIANTS[variant] });
}

/**
 * A variant's bytes: a first load, a click's answer, the stored record, and
 * the store's traffic per click as Redis counts it (`INFO stats`,
 * total_net_input_bytes and total_net_output_bytes, over `clicks` clicks of
 * one tab; the INFO commands' own bytes are measured and taken off).
 */
export async function measureVariantBytes(
  variant: CounterVariant,
  redisUrl: string,
  clicks = 200,
): Promise<VariantBytes> {
  const { Redis } = await import("ioredis");
  const client = new Redis(redisUrl);
  const server = await startVariant(variant, redisUrl);
  try {
    await client.flushall();
    const tab = new Tab(server.url);
    const first = await tab.load();
    await tab.click();
    const click = await tab.click();
    const clickElements = click.body.split('"type":"element"').length - 1;
    const expected = variant === "lines" ? 21 : 1;
    if (clickElements !== expected)
      throw new Error(`the ${variant} variant sent ${clickElements} elements, not ${expected}`);
    const traffic = async () => {
      const stats = await client.info("stats");
      const read = (name: string) => Number(stats.match(new RegExp(`${name}:(\\d+)`))![1]);
      return { input: read("total_net_input_bytes"), output: read("total_net_output_bytes") };
    };
    // What two INFO calls in a row cost, to take off the store's count.
    const probeA = await traffic();
    const probeB = await traffic();
    const before = await traffic();
    for (let i = 0; i < clicks; i++) await tab.click();
    const after = await traffic();
    const [key] = await client.keys("edgelit:session:*");
    const record = (await client.get(key!)) ?? "";
    return {
      variant,
      firstLoadBody: Buffer.byteLength(first.body),
      clickBody: Buffer.byteLength(click.body),
      clickElements,
      recordBytes: Buffer.byteLength(record),
      storeBytesWrittenPerEvent:
        (after.input - before.input - (probeB.input - probeA.input)) / clicks,
      storeBytesReadPerEvent:
        (after.output - before.output - (probeB.output - probeA.output)) / clicks,
    };
  } finally {
    await server.stop();
    client.disconnect();
  }
}

/**
 * CPU per event and throughput of both variants under the same load, in
 * `rounds` alternating rounds (the medians): the variants compare within
 * one sitting.
 */
export async function measureVariantLoads(
  store: string,
  storageFlag: string,
  tabs: number,
  seconds: number,
  rounds: number,
): Promise<VariantLoad[]> {
  const runs = new Map<CounterVariant, { rate: number; cpu: number; p50: number }[]>();
  for (let round = 0; round < rounds; round++) {
    for (const variant of Object.keys(COUNTER_VARIANTS) as CounterVariant[]) {
      const server = await startVariant(variant, storageFlag);
      try {
        let cpuBefore = 0;
        const load = await runLoad(server.url, tabs, seconds, {
          warmUpMs: 2000,
          onTimed: () => (cpuBefore = server.cpuSeconds()),
        });
        if (load.errors) throw new Error(`${variant}: ${load.errors} events failed`);
        const cpu = ((server.cpuSeconds() - cpuBefore) * 1000) / load.events;
        runs.set(variant, [
          ...(runs.get(variant) ?? []),
          { rate: load.eventsPerSecond, cpu, p50: load.p50Ms },
        ]);
      } finally {
        await server.stop();
      }
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return [...runs].map(([variant, rows]) => ({
    variant,
    store,
    tabs,
    eventsPerSecond: median(rows.map((row) => row.rate)),
    cpuMsPerEvent: median(rows.map((row) => row.cpu)),
    p50Ms: median(rows.map((row) => row.p50)),
  }));
}

/**
 * CPU per click of each variant in one process (bench/cpu.ts: `server.fetch`,
 * memory store, one session), in `rounds` alternating rounds of `events`
 * clicks: the medians. Steadier than a load over HTTP on a busy machine.
 */
export async function measureVariantCpuInProcess(
  rounds: number,
  events: number,
): Promise<Record<CounterVariant, number>> {
  const apps = { one: counterAppOf(false), lines: counterAppOf(true) };
  const runs: Record<CounterVariant, number[]> = { one: [], lines: [] };
  for (let round = 0; round < rounds; round++)
    for (const variant of ["one", "lines"] as const)
      runs[variant].push((await measureCpuPerEvent(events, apps[variant])).cpuMsPerEvent);
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { one: median(runs.one), lines: median(runs.lines) };
}
