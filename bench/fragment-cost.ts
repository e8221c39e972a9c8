import { createStorage } from "unstorage";
import { CLIENT_HEADER, PROTOCOL_VERSION } from "../src/protocol/index.ts";
import { createServer } from "../src/server/create-server.ts";
import app from "./fragment-app.ts";

export interface FragmentCost {
  /** CPU per click of the button outside the fragment: the whole app reruns. */
  fullMs: number;
  /** CPU per click of the button inside it, sent as the page sends it (scoped to the fragment). */
  fragmentMs: number;
  /** Answer body bytes of each. */
  fullBytes: number;
  fragmentBytes: number;
}

/**
 * A fragment's rerun against a full rerun of the same app, in one process on
 * the memory store: alternating blocks of clicks on the button outside the
 * fragment and the one inside it, `clicks` of each.
 */
export async function measureFragmentCost(clicks = 5000): Promise<FragmentCost> {
  const server = createServer({ app, storage: createStorage() });
  let sessionId: string | null = null;
  let lastRunId: string | null = null;
  let events = 0;
  const post = async (changes: unknown[], fragment?: string) => {
    const response = await server.fetch(
      new Request("http://bench.local/_edgelit/event", {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sessionId,
          lastRunId,
          eventId: `e${events++}`,
          changes,
          ...(fragment && { fragment: { id: fragment } }),
        }),
      }),
    );
    const body = await response.text();
    sessionId = body.match(/"sessionId":"([0-9a-f]{32}(?:[0-9a-f]{24})?)"/)?.[1] ?? sessionId;
    const finished = body.match(/"type":"finish","runId":"([^"]+)"/)?.[1];
    if (!finished) throw new Error(`the bench's event did not finish: ${body.slice(0, 300)}`);
    lastRunId = finished;
    return body;
  };
  const page = await post([]);
  const buttonId = (label: string) =>
    page.match(new RegExp(`"kind":"button","props":\\{"id":"([^"]+)","label":"${label}"`))?.[1] ??
    "";
  const [inside, outside] = [buttonId("Inside"), buttonId("Outside")];
  if (!inside || !outside) throw new Error("the bench app's buttons were not found");

  const clickBlock = async (id: string, fragment: string | undefined, count: number) => {
    let bytes = 0;
    const before = process.cpuUsage();
    for (let i = 0; i < count; i++)
      bytes = Buffer.byteLength(await post([{ id, value: true }], fragment));
    const used = process.cpuUsage(before);
    return { ms: (used.user + used.system) / 1000, bytes };
  };
  await clickBlock(outside, undefined, 300);
  await clickBlock(inside, "bench-tile", 300);
  const totals = { full: 0, fragment: 0, fullBytes: 0, fragmentBytes: 0 };
  const block = Math.max(1, Math.floor(clicks / 10));
  for (let round = 0; round < 10; round++) {
    const full = await clickBlock(outside, undefined, block);
    const part = await clickBlock(inside, "bench-tile", block);
    totals.full += full.ms;
    totals.fragment += part.ms;
    totals.fullBytes = full.bytes;
    totals.fragmentBytes = part.bytes;
  }
  return {
    fullMs: totals.full / (block * 10),
    fragmentMs: totals.fragment / (block * 10),
    fullBytes: totals.fullBytes,
    fragmentBytes: totals.fragmentBytes,
  };
}
