import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { Miniflare } from "miniflare";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES } from "../src/protocol/index.ts";
import { bundleWorker, moduleWorker } from "../test/helpers/worker.ts";

/** The hello Worker's bundle (as wrangler builds it) and workerd's time to a first answered event. */
export interface WorkerFigures {
  bundleBytes: number;
  bundleGzipBytes: number;
  firstEventMs: number;
}

/** Median over `runs` fresh workerd instances of start-to-first-event, with a KV namespace for sessions. */
export async function measureWorker(outDir: string, runs = 5): Promise<WorkerFigures> {
  // wrangler.toml's Worker: the hello tour, minified as it would be deployed.
  const script = bundleWorker(outDir);
  const bundle = readFileSync(script);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const miniflare = new Miniflare({
      ...moduleWorker(script),
      kvNamespaces: ["SESSIONS"],
      cf: false,
    });
    try {
      const response = await miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sessionId: null,
          lastRunId: null,
          eventId: "first",
          changes: [],
        }),
      });
      if (!(await response.text()).includes('"type":"finish"'))
        throw new Error("the Worker's first event failed");
      times.push(performance.now() - started);
    } finally {
      await miniflare.dispose();
    }
  }
  return {
    bundleBytes: bundle.byteLength,
    bundleGzipBytes: gzipSync(bundle, { level: 9 }).byteLength,
    firstEventMs: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!,
  };
}
