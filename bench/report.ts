import type { ClientSizes } from "./client.ts";
import type { VariantBytes, VariantLoad } from "./counter-variants.ts";
import type { FragmentCost } from "./fragment-cost.ts";
import type { LoadRow, WireSizes } from "./event-loop.ts";
import type { MemoryStep } from "./memory.ts";
import type { WorkerFigures } from "./worker.ts";

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  machine: string;
  seconds: number;
  rounds: number;
  rows: LoadRow[];
  wire: WireSizes;
  /** The counter app's two variants: a click that changes one element, and one that changes 21 of 25. */
  variantBytes: VariantBytes[];
  variantLoads: VariantLoad[];
  cpu: { cpuMsPerEvent: number; wallMsPerEvent: number };
  fragment: FragmentCost;
  /** The rerun alone (runEvent), µs per click. */
  rerunMicroseconds: number;
  memory: { redis: MemoryStep[]; fs: MemoryStep[] };
  storeBytesPerSession: number;
  coldStart: { edgelitMs: number; limitMs: number; idleRssMiB: number };
  worker: WorkerFigures;
  clientSizes: ClientSizes;
  firstRenderMs: number;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The results section of BENCHMARKS.md, as markdown. */
export function renderResults(r: BenchResults): string {
  const loadRows = r.rows.map(
    (row) =>
      `| ${row.store} | ${row.tabs} | ${fixed(row.edgelit.eventsPerSecond, 0)} | ${fixed(row.limit.eventsPerSecond, 0)} | **${fixed(row.ratio)}** | ${fixed(row.edgelit.p50Ms)} / ${fixed(row.edgelit.p99Ms)} | ${fixed(row.limit.p50Ms)} / ${fixed(row.limit.p99Ms)} | ${fixed(row.edgelit.cpuMsPerEvent, 3)} | ${fixed(row.limit.cpuMsPerEvent, 3)} | ${row.edgelit.errors + row.limit.errors} |`,
  );
  const memoryRows = (["redis", "fs"] as const).flatMap((store) =>
    r.memory[store].map(
      (step) =>
        `| ${store} | ${step.sessions} | ${fixed(step.heapMb, 1)} MB | ${fixed(step.rssMb, 1)} MB |`,
    ),
  );
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${r.machine}; load runs of ${r.seconds} s, edgelit and the limit alternating for ${r.rounds} rounds.`,
    "",
    "### 1–2. Event loop against its limit, and CPU per event",
    "",
    "edgelit serves the bench app (`bench/counter-app.ts`, 25 elements); each simulated tab clicks its button back to back.",
    "The limit is a bare h3 handler doing one read and one write of edgelit's own session record in the same store, answering the same number of bytes.",
    "Each figure is the median of the rounds; edgelit / limit is the median of the rounds' ratios (each round runs the two moments apart).",
    "",
    "| store | tabs | edgelit ev/s | limit ev/s | edgelit / limit | edgelit p50 / p99 ms | limit p50 / p99 ms | edgelit CPU ms/ev | limit CPU ms/ev | errors |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...loadRows,
    "",
    `The rerun itself (\`runEvent\` in one process, compiled: the script, its 25 elements, hashing and diffing, no HTTP or store) takes **${fixed(r.rerunMicroseconds, 1)} µs** per click. ` +
      `Through the Fetch API in one process (\`server.fetch\` with Request and Response objects, as a Worker is called; memory store) a click costs ${fixed(r.cpu.cpuMsPerEvent, 3)} ms of CPU (${fixed(r.cpu.wallMsPerEvent, 3)} ms wall): more than over Node's HTTP server above, as undici's Request and Response cost more than srvx's.`,
    "",
    `A fragment's rerun against a full rerun (\`bench/fragment-app.ts\`: the same 25 elements plus a fragment holding a button; in one process, alternating blocks of clicks): ` +
      `a click inside the fragment **${fixed(r.fragment.fragmentMs, 3)} ms** CPU, a click outside it ${fixed(r.fragment.fullMs, 3)} ms ` +
      `(ratio **${fixed(r.fragment.fragmentMs / r.fragment.fullMs)}**); answers of ${r.fragment.fragmentBytes} B and ${r.fragment.fullBytes} B.`,
    "",
    "### 3. Bytes on the wire",
    "",
    "| answer | body | headers |",
    "|---|---|---|",
    `| first load (the whole page) | ${r.wire.firstLoadBody} B | ${r.wire.firstLoadHeaders} B |`,
    `| a click that changes one element (${r.wire.clickElements} element sent) | **${r.wire.clickBody} B** | ${r.wire.clickHeaders} B |`,
    "",
    `The stored session record is ${r.wire.recordBytes} B.`,
    "",
    "The same app with every line showing the count (`EDGELIT_BENCH_COUNTER=lines`: a click changes 21 of its 25 elements, as in Streamlit's counter demo) beside the one-element case; store bytes as Redis counts them (`INFO stats`) over 200 clicks of one tab, and CPU under 10 tabs on the memory store (alternating rounds, medians):",
    "",
    "| variant | elements sent per click | answer body per click | store bytes written / read per click | record | CPU ms/ev (memory, 10 tabs) | ev/s |",
    "|---|---|---|---|---|---|---|",
    ...r.variantBytes.map((bytes) => {
      const load = r.variantLoads.find((row) => row.variant === bytes.variant);
      return `| ${bytes.variant === "lines" ? "21 of 25 change" : "one changes"} | ${bytes.clickElements} | **${bytes.clickBody} B** | ${fixed(bytes.storeBytesWrittenPerEvent, 0)} / ${fixed(bytes.storeBytesReadPerEvent, 0)} B | ${bytes.recordBytes} B | ${load ? fixed(load.cpuMsPerEvent, 3) : "–"} | ${load ? fixed(load.eventsPerSecond, 0) : "–"} |`;
    }),
    "",
    "### 4. Memory with idle sessions",
    "",
    "Sessions opened through the server, then left idle; heap after forced GC.",
    "",
    "| store | sessions | heap | RSS |",
    "|---|---|---|---|",
    ...memoryRows,
    "",
    `Store bytes per session in Redis (used_memory / sessions): **${fixed(r.storeBytesPerSession, 0)} B**.`,
    "",
    "### 5. Cold start",
    "",
    `Node: process start to the first event answered: **edgelit ${fixed(r.coldStart.edgelitMs, 0)} ms** (\`edgelit start\` from an \`npm pack\` install, \`threads: 0\`; idle ${fixed(r.coldStart.idleRssMiB, 1)} MiB RSS after it); the bare h3 limit server ${fixed(r.coldStart.limitMs, 0)} ms (ratio ${fixed(r.coldStart.edgelitMs / r.coldStart.limitMs)}). Median of several starts.`,
    "",
    `Cloudflare Workers: the hello Worker as \`wrangler deploy\` bundles it is ${kb(r.worker.bundleBytes)} (**${kb(r.worker.bundleGzipBytes)} gzip**); a fresh workerd (Miniflare) answers its first event ${fixed(r.worker.firstEventMs, 0)} ms after it is created (median).`,
    "",
    "### 6. Client",
    "",
    "What the page loads up front (index.html's script, the chunk it preloads, its stylesheet):",
    "",
    "| | raw | gzip |",
    "|---|---|---|",
    `| JavaScript | ${kb(r.clientSizes.jsBytes)} | **${kb(r.clientSizes.jsGzipBytes)}** |`,
    `| CSS | ${kb(r.clientSizes.cssBytes)} | ${kb(r.clientSizes.cssGzipBytes)} |`,
    "",
    `Loaded on demand, only by pages that show what needs them: ${kb(r.clientSizes.onDemandJsGzipBytes)} of JavaScript and ${kb(r.clientSizes.onDemandCssGzipBytes)} of CSS (gzip) in all ` +
      `(element kinds most pages never show, KaTeX, the highlighter and its languages, the HTML sanitizer), and ${kb(r.clientSizes.fontBytes)} of font files (KaTeX, Material Symbols) that the browser fetches only when text uses them.`,
    "",
    `Time to first render of the hello app in Chromium (navigation start to its title on screen, median): **${fixed(r.firstRenderMs, 0)} ms**.`,
  ].join("\n");
}
