import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundleWorker } from "../../bench/worker.ts";
import { CLIENT_HEADER, PROTOCOL_VERSION, ROUTES, createSseParser, type ServerMessage } from "../../src/protocol/index.ts";
import { tempDir } from "../helpers/processes.ts";

const out = tempDir("edgelit-streaming-worker-");
let miniflare: Miniflare;

beforeAll(async () => {
  const config = join(out.path, "wrangler.toml");
  const main = resolve(import.meta.dirname, "fixtures/streaming-worker.ts");
  writeFileSync(config, `name = "edgelit-streaming-test"\nmain = ${JSON.stringify(main)}\ncompatibility_date = "2026-04-26"\n`);
  const script = bundleWorker(join(out.path, "bundle"), config);
  miniflare = new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: dirname(script),
    compatibilityDate: "2026-04-26",
    kvNamespaces: ["SESSIONS"],
    cf: false,
  });
  await miniflare.ready;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  out.remove();
});

async function post(body: object): Promise<Response> {
  return miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, changes: [], ...body }),
  }) as unknown as Promise<Response>;
}

test("under workerd, a slow run streams: what the script drew before its pause arrives while it still runs", async () => {
  const first: ServerMessage[] = [];
  createSseParser((m) => first.push(m))(await (await post({ sessionId: null, lastRunId: null, eventId: "load" })).text());
  const start = first[0] as Extract<ServerMessage, { type: "start" }>;
  const finish = first.at(-1) as Extract<ServerMessage, { type: "finish" }>;
  const slow = first.find((m) => m.type === "element" && m.kind === "checkbox" && m.props.label === "Slow") as Extract<ServerMessage, { kind: "checkbox" }>;

  const response = await post({ sessionId: start.sessionId, lastRunId: finish.runId, eventId: "slow", changes: [{ id: slow.props.id, value: true }] });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const batches: ServerMessage[][] = [];
  const parse = createSseParser((m) => batches.at(-1)!.push(m));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    batches.push([]);
    parse(decoder.decode(value, { stream: true }));
  }
  const arrived = batches.filter((batch) => batch.length > 0);
  // The first piece holds the run's start and the new run number, and not yet its end.
  const firstPiece = arrived[0]!;
  expect(firstPiece[0]?.type).toBe("start");
  expect(firstPiece.some((m) => m.type === "element" && m.kind === "markdown" && m.props.body === "run 2")).toBe(true);
  expect(firstPiece.some((m) => m.type === "finish")).toBe(false);
  expect(arrived.length).toBeGreaterThan(1);
  expect(arrived.at(-1)!.at(-1)?.type).toBe("finish");
});
