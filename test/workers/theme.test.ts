import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, expect, test } from "vitest";
import { COMPATIBILITY_DATE, builtClientAssets, bundleWorker, moduleWorker } from "../helpers/worker.ts";
import { tempDir } from "../helpers/processes.ts";

const out = tempDir("edgelit-worker-");
let miniflare: Miniflare;

beforeAll(async () => {
  const config = resolve(out.path, "wrangler.toml");
  const main = resolve(import.meta.dirname, "fixtures/themed-worker.ts");
  writeFileSync(config, `name = "edgelit-theme"\nmain = ${JSON.stringify(main)}\ncompatibility_date = "${COMPATIBILITY_DATE}"\n`);
  const script = bundleWorker(resolve(out.path, "bundle"), config);
  miniflare = new Miniflare({
    ...moduleWorker(script),
    assets: builtClientAssets(),
    cf: false,
  });
  await miniflare.ready;
}, 120_000);

afterAll(async () => {
  await miniflare?.dispose();
  out.remove();
});

test("under workerd, the Worker serves the page with the app's theme in it, as the Node server does", async () => {
  const response = await miniflare.dispatchFetch("http://localhost/");
  const html = await response.text();
  expect(response.headers.get("content-type")).toContain("text/html");
  expect(html).toContain('<style id="edgelit-theme">:root{--primary:#7c3aed}</style>');
  expect(html).toMatch(/<script type="application\/json" id="edgelit-config">\{"title":"Themed"/);
});
