// The Cloudflare Worker that `npx edgelit init` writes, run the way its README
// says, in a project that installed edgelit from the packed tarball: `wrangler
// types` writes Env, the Worker type-checks against it, and `wrangler dev` serves
// it under workerd with the page's files from node_modules/edgelit/dist-client,
// sessions in a Durable Object, then in KV after the edits the comments describe.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { EventClient } from "../helpers/events.ts";
import { installInitProject, run, startUntil } from "../helpers/init-project.ts";
import { copyInstalledProject } from "../helpers/packed-project.ts";

const work = copyInstalledProject("edgelit-worker-project-");
const project = join(work.path, "my-app");
afterAll(() => work.remove());

beforeAll(() => {
  run("npx", ["edgelit", "init", "my-app"], work.path);
  installInitProject(project);
}, 180_000);

/** `wrangler dev` on a free port of 127.0.0.1, offline; resolves to its address. */
async function wranglerDev() {
  return startUntil(
    "npx",
    [
      "wrangler",
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      "0",
      "--inspector-port",
      "0",
      "--show-interactive-dev-session=false",
    ],
    { cwd: project, ready: /Ready on (http:\/\/127\.0\.0\.1:\d+)/ },
  );
}

/** Loads the page and its assets, reads the greeting, clicks "Add one": what a user sees. */
async function loadAndClick(url: string) {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const assets = [...(await page.text()).matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
    (m) => m[1]!,
  );
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect((await fetch(url + asset)).status).toBe(200);

  const tab = new EventClient(url);
  await tab.send();
  expect(tab.last?.status).toBe(200);
  const greeting = tab.elements("caption")[0]?.body;
  expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "0" });
  await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
  expect(tab.elements("metric")[0]).toMatchObject({ value: "1" });
  // The session is in the store, not in the isolate: a reload of the tab keeps the count.
  await tab.send();
  expect(tab.elements("metric")[0]).toMatchObject({ value: "1" });
  return { greeting };
}

function typesAndCheck(): string {
  run("npx", ["wrangler", "types"], project);
  const generated = readFileSync(join(project, "worker-configuration.d.ts"), "utf8");
  // Env, as generated, goes to createWorker<Env> as it is: the Worker type-checks.
  run("npx", ["tsc", "-p", "tsconfig.worker.json"], project);
  return generated;
}

test(
  "the generated Worker type-checks against `wrangler types`' Env and serves the app under wrangler dev with a Durable Object store",
  { timeout: 240_000 },
  async () => {
    const generated = typesAndCheck();
    expect(generated).toMatch(/SESSIONS: DurableObjectNamespace/);
    const dev = await wranglerDev();
    try {
      expect(dev.output()).toMatch(/env\.SESSIONS \(EdgelitSessionStore\)\s+Durable Object/);
      const { greeting } = await loadAndClick(dev.match);
      // wrangler.toml's [vars], read by the app as st.context.env.
      expect(greeting).toBe("Hello from a Cloudflare Worker");
    } finally {
      await dev.stop();
    }
  },
);

test(
  "after the edits its comments describe, the Worker keeps sessions in KV",
  { timeout: 240_000 },
  async () => {
    // worker.ts: the KV import and storage line in place of the Durable Object's, as its comments say.
    const worker = readFileSync(join(project, "worker.ts"), "utf8")
      .replace("// For sessions in KV instead: import", "import")
      .replace(/^\s*storage: \(env\) => .*durableObjectDriver.*\n/m, "")
      .replace("// For KV instead: storage:", "storage:");
    writeFileSync(join(project, "worker.ts"), worker);
    // wrangler.toml: the KV section in place of the Durable Object's two.
    const config = readFileSync(join(project, "wrangler.toml"), "utf8")
      .replace(/\[\[durable_objects\.bindings\]\][\s\S]*?new_sqlite_classes = .*\n/, "")
      .replace("# [[kv_namespaces]]", "[[kv_namespaces]]")
      .replace('# binding = "SESSIONS"', 'binding = "SESSIONS"')
      .replace('# id = "<your KV namespace id>"', 'id = "local-sessions"');
    writeFileSync(join(project, "wrangler.toml"), config);

    const generated = typesAndCheck();
    expect(generated).toMatch(/SESSIONS: KVNamespace/);
    const dev = await wranglerDev();
    try {
      expect(dev.output()).toMatch(/env\.SESSIONS \(local-sessions\)\s+KV Namespace/);
      await loadAndClick(dev.match);
    } finally {
      await dev.stop();
    }
  },
);
