import { resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startWorker, type WorkerFixture } from "../helpers/worker.ts";

let worker: WorkerFixture;

beforeAll(async () => {
  worker = await startWorker({
    main: resolve(import.meta.dirname, "fixtures/themed-worker.ts"),
    assets: true,
  });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
});

test("under workerd, the Worker serves the page with the app's theme in it, as the Node server does", async () => {
  const response = await worker.miniflare.dispatchFetch("http://localhost/");
  const html = await response.text();
  expect(response.headers.get("content-type")).toContain("text/html");
  expect(html).toContain('<style id="edgelit-theme">:root{--primary:#7c3aed}</style>');
  expect(html).toMatch(/<script type="application\/json" id="edgelit-config">\{"title":"Themed"/);
});
