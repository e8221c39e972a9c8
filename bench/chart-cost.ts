// `npx tsx --conditions=edgelit-source bench/chart-cost.ts`: what a 100,000-point chart costs
// (issue 16), for a Vega-Lite and a Plotly line and scatter chart, in one run: the server's CPU
// and the bytes of a rerun that changes nothing, only the colour, or the data; time and bytes
// until the marks show in Chromium; and the gzip size of each chart library's chunks. Builds the
// client first. `BENCH_CHART_POINTS` changes the number of points. Prints the figures;
// BENCHMARKS.md quotes them by hand.
import { readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { createStorage } from "unstorage";
import type { Page } from "playwright-core";
import { build } from "vite";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../src/protocol/index.ts";
import { createServer, type EdgelitServer } from "../src/server/create-server.ts";
import { launchBrowser } from "../test/helpers/browser.ts";
import { startEdgelit } from "../test/helpers/processes.ts";

const RERUNS = 20;
const CHANGES = 10;
const PAGE_LOADS = 3;
const SERVER_ROUNDS = 3;
// Every round of every kind shows data sets of its own (first load and changes): none is encoded
// twice. The app reads this when it loads, hence the import after it.
const KIND_COUNT = 4;
process.env.BENCH_CHART_DATA_SETS = String(SERVER_ROUNDS * KIND_COUNT * (CHANGES + 1));
const { default: chartApp, CHART_KINDS, CHART_POINTS } = await import("./chart-app.ts");
type ChartKind = (typeof CHART_KINDS)[number];
if (CHART_KINDS.length !== KIND_COUNT) throw new Error("KIND_COUNT must be the number of kinds");

/** One kind of rerun: CPU and wall time per rerun, the answer's bytes, and media bytes stored. */
interface Rerun {
  cpuMs: number;
  wallMs: number;
  answerBytes: number;
  newMediaBytes: number;
}

interface ServerCost {
  kind: ChartKind;
  /** The data as JSON, as it would travel inside the element. */
  jsonBytes: number;
  first: Rerun;
  unchanged: Rerun;
  recolour: Rerun;
  newData: Rerun;
}

const root = resolve(import.meta.dirname, "..");
console.log(
  `chart bench: ${CHART_POINTS} points, node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
);
await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn" });

// The kinds take turns for three rounds (the machine drifts; the JIT warms up on the first), and
// each figure is the median of its rounds.
const rounds: ServerCost[][] = [];
for (let round = 0; round < SERVER_ROUNDS; round++)
  for (const [index, kind] of CHART_KINDS.entries())
    (rounds[index] ??= []).push(
      await measureServer(kind, (round * KIND_COUNT + index) * (CHANGES + 1)),
    );
printServerCosts(rounds.map(medianCost));

const firstMarks = await measureFirstMarks();
printFirstMarks(firstMarks);

printChunks(chunkSizes(join(root, "dist-client")));

// --- The server, in this process ---

async function measureServer(kind: ChartKind, from: number): Promise<ServerCost> {
  const storage = createStorage();
  const server = createServer({ app: chartApp, storage });
  const tab = openTab(server, `/?chart=${kind}&from=${from}`);
  const mediaIds = new Set<string>();
  const mediaBytesOf = async (answer: string) => {
    let bytes = 0;
    const ids = [...answer.matchAll(/"batches":\[([^\]]*)\]/g)].flatMap((match) =>
      [...match[1]!.matchAll(/"([^"]+)"/g)].map((id) => id[1]!),
    );
    for (const id of ids) {
      if (mediaIds.has(id)) continue;
      const response = await server.fetch(new Request(`http://bench.local${ROUTES.media}${id}`));
      if (!response.ok) continue;
      mediaIds.add(id);
      bytes += (await response.arrayBuffer()).byteLength;
    }
    return bytes;
  };
  const timed = async (count: number, label?: string): Promise<Rerun> => {
    let answer = "";
    let newMediaBytes = 0;
    let cpuMs = 0;
    let wallMs = 0;
    for (let i = 0; i < count; i++) {
      const cpu = process.cpuUsage();
      const wall = performance.now();
      answer = label ? await tab.click(label) : await tab.post([]);
      const used = process.cpuUsage(cpu);
      wallMs += performance.now() - wall;
      cpuMs += (used.user + used.system) / 1000;
      newMediaBytes += await mediaBytesOf(answer);
    }
    return {
      cpuMs: cpuMs / count,
      wallMs: wallMs / count,
      answerBytes: Buffer.byteLength(answer),
      newMediaBytes: newMediaBytes / count,
    };
  };
  const first = await timed(1);
  if (!first.answerBytes || !(await tab.post([])).includes(`chart ${kind} shown`))
    throw new Error(`the ${kind} chart did not show`);
  await timed(5, "Again");
  const unchanged = await timed(RERUNS, "Again");
  const recolour = await timed(RERUNS, "Recolour");
  const newData = await timed(CHANGES, "New data");
  const data = { x: Array.from({ length: CHART_POINTS }, (_, i) => i), y: [] as number[] };
  data.y = data.x.map((x) => Math.sin(x / 2000) + ((x * 7919) % 1000) / 4000);
  return {
    kind,
    jsonBytes: Buffer.byteLength(JSON.stringify(data)),
    first,
    unchanged,
    recolour,
    newData,
  };
}

function medianCost(costs: ServerCost[]): ServerCost {
  const median = (pick: (cost: ServerCost) => number) =>
    costs.map(pick).sort((a, b) => a - b)[costs.length >> 1]!;
  const rerun = (pick: (cost: ServerCost) => Rerun): Rerun => ({
    cpuMs: median((cost) => pick(cost).cpuMs),
    wallMs: median((cost) => pick(cost).wallMs),
    answerBytes: median((cost) => pick(cost).answerBytes),
    newMediaBytes: median((cost) => pick(cost).newMediaBytes),
  });
  return {
    kind: costs[0]!.kind,
    jsonBytes: costs[0]!.jsonBytes,
    first: rerun((cost) => cost.first),
    unchanged: rerun((cost) => cost.unchanged),
    recolour: rerun((cost) => cost.recolour),
    newData: rerun((cost) => cost.newData),
  };
}

interface Tab {
  post(changes: unknown[]): Promise<string>;
  click(label: string): Promise<string>;
}

function openTab(server: EdgelitServer, url: string): Tab {
  let sessionId: string | null = null;
  let lastRunId: string | null = null;
  let events = 0;
  const buttons = new Map<string, string>();
  const post = async (changes: unknown[]) => {
    const response = await server.fetch(
      new Request(`http://bench.local${ROUTES.event}`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sessionId,
          lastRunId,
          eventId: `e${events++}`,
          url,
          changes,
        }),
      }),
    );
    const body = await response.text();
    sessionId = body.match(/"sessionId":"([0-9a-f]+)"/)?.[1] ?? sessionId;
    const finished = body.match(/"type":"finish","runId":"([^"]+)"/)?.[1];
    if (!finished) throw new Error(`the bench's event did not finish: ${body.slice(0, 300)}`);
    lastRunId = finished;
    for (const [, id, label] of body.matchAll(
      /"kind":"button","props":\{"id":"([^"]+)","label":"([^"]+)"/g,
    ))
      buttons.set(label!, id!);
    return body;
  };
  return { post, click: (label) => post([{ id: buttons.get(label), value: true }]) };
}

function printServerCosts(costs: ServerCost[]): void {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const ms = (value: number) => value.toFixed(2);
  console.log(
    "\n| chart | data as JSON (KB) | first load: CPU ms, answer KB + stored KB | unchanged rerun: CPU ms, answer B | colour only: CPU ms, answer B | new data: CPU ms, answer B + stored KB | new data ÷ unchanged CPU |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const cost of costs)
    console.log(
      `| ${cost.kind} | ${kb(cost.jsonBytes)} | ${ms(cost.first.cpuMs)}, ${kb(cost.first.answerBytes)} + ${kb(cost.first.newMediaBytes)} | ` +
        `${ms(cost.unchanged.cpuMs)}, ${cost.unchanged.answerBytes} | ${ms(cost.recolour.cpuMs)}, ${cost.recolour.answerBytes} | ` +
        `${ms(cost.newData.cpuMs)}, ${cost.newData.answerBytes} + ${kb(cost.newData.newMediaBytes)} | ${(cost.newData.cpuMs / cost.unchanged.cpuMs).toFixed(0)}× |`,
    );
}

// --- Chromium ---

interface FirstMarks {
  kind: ChartKind;
  /** Medians of PAGE_LOADS loads, each a first visit (HTTP cache off). */
  ms: number;
  bytes: number;
  mediaBytes: number;
}

async function measureFirstMarks(): Promise<FirstMarks[]> {
  const server = await startEdgelit({
    app: "bench/chart-app.ts",
    env: { BENCH_CHART_POINTS: String(CHART_POINTS), BENCH_CHART_DATA_SETS: "1" },
  });
  const browser = await launchBrowser();
  const results: FirstMarks[] = [];
  try {
    for (const kind of CHART_KINDS) {
      const loads: { ms: number; bytes: number; mediaBytes: number }[] = [];
      for (let load = 0; load < PAGE_LOADS; load++) {
        const page = await browser.newPage();
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        const sizes: Promise<{ bytes: number; media: boolean }>[] = [];
        page.on("requestfinished", (request) =>
          sizes.push(
            request
              .sizes()
              .then((size) => ({
                bytes: size.responseBodySize + size.responseHeadersSize,
                media: request.url().includes(ROUTES.media),
              }))
              .catch(() => ({ bytes: 0, media: false })),
          ),
        );
        const started = performance.now();
        await page.goto(`${server.url}/?chart=${kind}`);
        await marksShown(page, kind);
        const ms = performance.now() - started;
        const finished = await Promise.all(sizes);
        if (page.errors.length > 0) throw new Error(`page errors: ${page.errors.join("; ")}`);
        loads.push({
          ms,
          bytes: finished.reduce((sum, size) => sum + size.bytes, 0),
          mediaBytes: finished.reduce((sum, size) => sum + (size.media ? size.bytes : 0), 0),
        });
        await page.close();
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
      results.push({
        kind,
        ms: median(loads.map((load) => load.ms)),
        bytes: median(loads.map((load) => load.bytes)),
        mediaBytes: median(loads.map((load) => load.mediaBytes)),
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return results;
}

/** Waits until the chart's marks are in the page: SVG marks in the DOM, WebGL points in pixels. */
async function marksShown(page: Page, kind: ChartKind): Promise<void> {
  const wait = { timeout: 600_000, polling: "raf" as const };
  if (kind === "vega-line")
    await page.waitForFunction(
      () =>
        (document.querySelector(".vega-chart svg .mark-line path")?.getAttribute("d")?.length ??
          0) > 1000,
      undefined,
      wait,
    );
  else if (kind === "vega-scatter")
    await page.waitForFunction(
      (points) =>
        (document.querySelector(".vega-chart svg .mark-symbol")?.childElementCount ?? 0) >= points,
      CHART_POINTS,
      wait,
    );
  else if (kind === "plotly-line")
    await page.waitForFunction(
      () =>
        (document.querySelector(".plotly-chart .scatterlayer path.js-line")?.getAttribute("d")
          ?.length ?? 0) > 1000,
      undefined,
      wait,
    );
  else {
    // WebGL draws into a canvas: poll its pixels (in screenshots) for the points' blue.
    await page.locator(".plotly-chart canvas").first().waitFor({ timeout: 600_000 });
    for (let attempt = 0; attempt < 600; attempt++) {
      if ((await bluePixels(page)) > 2000) return;
    }
    throw new Error("the scattergl points never showed");
  }
}

async function bluePixels(page: Page): Promise<number> {
  const png = (await page.locator(".plotly-chart").screenshot()).toString("base64");
  return page.evaluate(async (png) => {
    const image = new Image();
    image.src = `data:image/png;base64,${png}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i + 2]! > 140 && data[i]! < 100 && data[i + 1]! < 160) count++;
    return count;
  }, png);
}

function printFirstMarks(results: FirstMarks[]): void {
  console.log(
    `\n| chart | time to marks in Chromium (median of ${PAGE_LOADS} first visits) | bytes (all requests) | of which the stored data |`,
  );
  console.log("| --- | --- | --- | --- |");
  for (const result of results)
    console.log(
      `| ${result.kind} | ${(result.ms / 1000).toFixed(2)} s | ${(result.bytes / 1024).toFixed(0)} KB | ${(result.mediaBytes / 1024).toFixed(0)} KB |`,
    );
}

// --- Chunks ---

/** Each chart library's chunk and the chunks it imports that the page's entry does not (gzip). */
function chunkSizes(clientDir: string): { library: string; files: number; gzipBytes: number }[] {
  const assets = join(clientDir, "assets");
  const names = readdirSync(assets);
  const gzipOf = (name: string) => gzipSync(readFileSync(join(assets, name))).byteLength;
  const importsOf = (name: string): string[] =>
    [...readFileSync(join(assets, name), "utf8").matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)]
      .map((match) => match[1]!)
      .filter((file) => names.includes(file));
  const closure = (start: string[]) => {
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const name = queue.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(...importsOf(name));
    }
    return seen;
  };
  const entry = names.find((name) => /^index-.*\.js$/.test(name))!;
  const upFront = closure([entry]);
  const libraries: [string, RegExp][] = [
    ["page entry (for comparison)", /^index-.*\.js$/],
    ["Vega-Lite (vega-embed)", /^vega-chart-.*\.js$/],
    ["Plotly (strict bundle)", /^plotly-chart-.*\.js$/],
    ["ECharts (line, bar, pie, scatter)", /^echarts-(chart|modules)-.*\.js$/],
    ["Graphviz (its worker, WebAssembly inside)", /^graphviz-worker-.*\.js$/],
    ["Graphviz (the page's part)", /^graphviz-chart-.*\.js$/],
    ["MapLibre", /^map-chart-.*\.js$/],
    ["MapLibre's worker", /^maplibre-gl-worker-.*\.m?js$/],
  ];
  return libraries.map(([library, pattern]) => {
    const own = names.filter((name) => pattern.test(name));
    const files =
      library.startsWith("page entry") || !own.some((name) => name.endsWith(".js"))
        ? new Set(own)
        : new Set([...closure(own)].filter((name) => !upFront.has(name)));
    let gzipBytes = 0;
    for (const name of files) gzipBytes += gzipOf(name);
    return { library, files: files.size, gzipBytes };
  });
}

function printChunks(chunks: { library: string; files: number; gzipBytes: number }[]): void {
  console.log("\n| library | chunks | gzip |");
  console.log("| --- | --- | --- |");
  for (const chunk of chunks)
    console.log(
      `| ${chunk.library} | ${chunk.files} | ${(chunk.gzipBytes / 1024).toFixed(1)} KB |`,
    );
}
