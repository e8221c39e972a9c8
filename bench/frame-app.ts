import { makeVector, Table, TimestampMillisecond, Utf8, vectorFromArray } from "apache-arrow";
import { cacheData, defineApp } from "edgelit";
import counterApp from "./counter-app.ts";

/** Rows of the bench's frame; `BENCH_FRAME_ROWS` shortens it. */
export const FRAME_ROWS = Number(process.env.BENCH_FRAME_ROWS ?? 1_000_000);
const CITIES = ["Oslo", "Lima", "Pune", "Kyiv", "Graz", "Cork", "Fès", "Hilo"];
const DAY = 86_400_000;

/**
 * A frame of `rows` rows and 10 columns: 4 of numbers, 3 of strings, 3 of
 * dates, as an app would load it from a file or a query.
 */
export function makeFrame(rows: number): Table {
  const numbers = (scale: number) =>
    makeVector(Float64Array.from({ length: rows }, (_, i) => ((i * scale) % 10_007) / 7));
  const strings = (make: (i: number) => string) =>
    vectorFromArray(
      Array.from({ length: rows }, (_, i) => make(i)),
      new Utf8(),
    );
  const dates = (start: number) =>
    vectorFromArray(
      Array.from({ length: rows }, (_, i) => new Date(start + (i % 3650) * DAY)),
      new TimestampMillisecond(),
    );
  return new Table({
    id: makeVector(Float64Array.from({ length: rows }, (_, i) => i)),
    price: numbers(31),
    quantity: numbers(7),
    score: numbers(101),
    city: strings((i) => CITIES[i % CITIES.length]!),
    sku: strings((i) => `SKU-${(i * 7919) % 1_000_003}`),
    note: strings((i) => `order ${i} of the bench`),
    ordered: dates(Date.UTC(2015, 0, 1)),
    shipped: dates(Date.UTC(2015, 0, 3)),
    paid: dates(Date.UTC(2015, 0, 5)),
  });
}

/**
 * The frame as the app loads it, held by cacheData in the shared store. Each
 * call defines the loader as one more process would (the same name and source).
 */
export const defineFrameLoader = () =>
  cacheData(async function loadBenchFrame(rows: number) {
    return makeFrame(rows);
  });
const loadFrame = defineFrameLoader();

/** The counter app with the frame shown below it: a click elsewhere leaves the frame unchanged. */
export default defineApp(async (st) => {
  await counterApp.script(st);
  st.dataframe(await loadFrame(FRAME_ROWS), { height: 400 });
});
