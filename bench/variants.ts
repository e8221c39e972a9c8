// `npx tsx --conditions=edgelit-source bench/variants.ts [--quick]`: the counter
// app's two variants side by side (bench/counter-variants.ts): a click that
// changes one element, and one that changes 21 of 25. Bytes against Redis,
// then CPU per event under load on the memory store and on Redis.
import { startRedis } from "../test/helpers/processes.ts";
import {
  measureVariantBytes,
  measureVariantCpuInProcess,
  measureVariantLoads,
  type VariantLoad,
} from "./counter-variants.ts";

const quick = process.argv.includes("--quick");
const redis = await startRedis();
try {
  const bytes = [
    await measureVariantBytes("one", redis.url),
    await measureVariantBytes("lines", redis.url),
  ];
  console.log(
    "| variant | elements sent per click | click answer body | first load body | record | store bytes written / read per click |",
  );
  console.log("|---|---|---|---|---|---|");
  for (const row of bytes)
    console.log(
      `| ${row.variant} | ${row.clickElements} | ${row.clickBody} B | ${row.firstLoadBody} B | ${row.recordBytes} B | ${row.storeBytesWrittenPerEvent.toFixed(0)} / ${row.storeBytesReadPerEvent.toFixed(0)} B |`,
    );
  const inProcess = await measureVariantCpuInProcess(quick ? 3 : 7, quick ? 1000 : 3000);
  console.log(
    `\nIn one process (server.fetch, memory store), CPU per click, medians of alternating rounds: one element ${inProcess.one.toFixed(3)} ms, 21 of 25 ${inProcess.lines.toFixed(3)} ms (${(inProcess.lines / inProcess.one).toFixed(2)}×)`,
  );
  const loads: VariantLoad[] = [];
  // `--in-process-only`: the bytes and the in-process CPU, without the loads over HTTP.
  const overHttp = !process.argv.includes("--in-process-only");
  for (const [store, flag] of overHttp
    ? ([
        ["memory", "memory"],
        ["redis", redis.url],
      ] as const)
    : [])
    for (const tabs of [1, 10])
      loads.push(...(await measureVariantLoads(store, flag, tabs, quick ? 1 : 2, quick ? 1 : 3)));
  if (overHttp) console.log("\n| store | tabs | variant | events/s | CPU ms/ev | p50 ms |");
  if (overHttp) console.log("|---|---|---|---|---|---|");
  for (const row of loads)
    console.log(
      `| ${row.store} | ${row.tabs} | ${row.variant} | ${row.eventsPerSecond.toFixed(0)} | ${row.cpuMsPerEvent.toFixed(3)} | ${row.p50Ms.toFixed(2)} |`,
    );
} finally {
  await redis.stop();
}
