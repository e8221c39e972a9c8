import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { CLIENT_HEADER, ROUTES } from "../../src/protocol/index.ts";
import { startWorker, type WorkerFixture } from "../helpers/worker.ts";

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/configured/worker.ts"),
    assets: true,
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

test("a Worker takes its limits and transports from the imported edgelit.config.ts", async () => {
  const page = await (await worker.miniflare.dispatchFetch("http://localhost/")).text();
  // The Worker wires no WebSocket: the config's websocket transport is left out, the rest kept.
  expect(page).toContain('"transports":["sse"]');

  const event = await worker.miniflare.dispatchFetch(`http://localhost${ROUTES.event}`, {
    method: "POST",
    headers: { [CLIENT_HEADER]: "1", "content-type": "application/json" },
    body: JSON.stringify({ padding: "x".repeat(1000) }),
  });
  expect(event.status).toBe(413);
  expect(await event.text()).toContain("larger than 300 bytes");
});
