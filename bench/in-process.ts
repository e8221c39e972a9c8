// The in-process figures, run by bench/run.ts as users run edgelit: compiled
// (bundled by esbuild into a temporary file, run by plain Node), not through
// tsx. Prints them as one JSON line.
import { measureCpuPerEvent } from "./cpu.ts";
import { measureFragmentCost } from "./fragment-cost.ts";
import { measureRerunMicroseconds } from "./run-event.ts";

const quick = process.argv.includes("--quick");
const cpu = await measureCpuPerEvent(quick ? 1000 : 5000);
const fragment = await measureFragmentCost(quick ? 1000 : 5000);
const rerunMicroseconds = await measureRerunMicroseconds(quick ? 2000 : 20_000);
console.log(JSON.stringify({ cpu, fragment, rerunMicroseconds }));
