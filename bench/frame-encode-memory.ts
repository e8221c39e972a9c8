import { encodeFrame } from "../src/elements/data/frame-blobs.ts";

/*
 * Peak RSS of encoding a frame given as JavaScript columns (what an app passes to st.dataframe
 * or st.dataEditor): 1,000,000 rows (`BENCH_FRAME_ROWS`), numbers, strings and dates. It prints
 * the peak after the app's own arrays are made and the peak once the frame is encoded.
 *   npx tsx --conditions=edgelit-source bench/frame-encode-memory.ts
 */
const rows = Number(process.env.BENCH_FRAME_ROWS ?? 1_000_000);
const DAY = 86_400_000;
const CITIES = ["Oslo", "Lima", "Pune", "Kyiv"];
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

const columns = {
  id: Float64Array.from({ length: rows }, (_, i) => i),
  price: Array.from({ length: rows }, (_, i) => ((i * 31) % 10_007) / 7),
  city: Array.from({ length: rows }, (_, i) => CITIES[i % CITIES.length]!),
  sku: Array.from({ length: rows }, (_, i) => `SKU-${(i * 7919) % 1_000_003}`),
  note: Array.from({ length: rows }, (_, i) => `order ${i} of the bench`),
  ordered: Array.from(
    { length: rows },
    (_, i) => new Date(Date.UTC(2015, 0, 1) + (i % 3650) * DAY),
  ),
};
const beforeMb = peakMb();
const started = process.cpuUsage();
const frame = encodeFrame(columns, "bench");
const cpu = process.cpuUsage(started);
const bytes = frame.batches.reduce((total, batch) => total + batch.byteLength, 0);
console.log(
  `${rows} rows, ${frame.batches.length} batches, ${(bytes / 1e6).toFixed(1)} MB of Arrow`,
);
console.log(`peak RSS with the app's arrays: ${beforeMb} MB`);
console.log(`peak RSS once encoded: ${peakMb()} MB (+${peakMb() - beforeMb} MB)`);
console.log(`encoding CPU: ${Math.round((cpu.user + cpu.system) / 1000)} ms`);
