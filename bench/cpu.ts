import { createStorage } from "unstorage";
import { CLIENT_HEADER, PROTOCOL_VERSION } from "../src/protocol/index.ts";
import { createServer } from "../src/server/create-server.ts";
import counter from "./counter-app.ts";

/**
 * CPU per event inside one process, with no network: the server's whole
 * handling of a click (decode, load, rerun, diff, encode, save) on the memory
 * store, over `events` clicks of one session.
 */
export async function measureCpuPerEvent(
  events = 5000,
  app = counter,
): Promise<{ cpuMsPerEvent: number; wallMsPerEvent: number }> {
  const server = createServer({ app, storage: createStorage() });
  let sessionId: string | null = null;
  let lastRunId: string | null = null;
  let buttonId = "";
  const post = async (changes: unknown[], eventId: string) => {
    const response = await server.fetch(
      new Request("http://bench.local/_edgelit/event", {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_HEADER]: "1" },
        body: JSON.stringify({
          protocol: PROTOCOL_VERSION,
          sessionId,
          lastRunId,
          eventId,
          changes,
        }),
      }),
    );
    const body = await response.text();
    sessionId = body.match(/"sessionId":"([0-9a-f]{32}(?:[0-9a-f]{24})?)"/)?.[1] ?? sessionId;
    lastRunId = body.match(/"type":"finish","runId":"([^"]+)"/)?.[1] ?? lastRunId;
    buttonId ||= body.match(/"kind":"button","props":\{"id":"([^"]+)"/)?.[1] ?? "";
  };
  await post([], "load");
  for (let i = 0; i < 500; i++) await post([{ id: buttonId, value: true }], `warm${i}`);
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  for (let i = 0; i < events; i++) await post([{ id: buttonId, value: true }], `e${i}`);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / events,
    wallMsPerEvent: (performance.now() - wallBefore) / events,
  };
}
