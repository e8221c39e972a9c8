// edgelit as a new user gets it: the tarball `npm pack` made, installed into a
// fresh CommonJS project made by `npm init -y` (test/helpers/pack-setup.ts), which
// runs `npx edgelit start app.ts`. The installed package must serve the app from
// what it ships, and never build or write anything inside node_modules/edgelit.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { launchBrowser, metricShows } from "../helpers/browser.ts";
import { EventClient } from "../helpers/events.ts";
import { copyInstalledProject, listing } from "../helpers/packed-project.ts";
import { COUNTER_APP } from "../helpers/installed-cli.ts";

const work = copyInstalledProject();
afterAll(() => work.remove());

/** The README's app. */
const APP = COUNTER_APP;

test(
  "the packed tarball installs into a fresh CommonJS project and serves an app without writing into itself",
  { timeout: 120_000 },
  async () => {
    const project = work.path;
    writeFileSync(join(project, "app.ts"), APP);
    // The config file loads as TypeScript in a CommonJS project too, as the app does.
    writeFileSync(
      join(project, "edgelit.config.ts"),
      `import { defineConfig } from "edgelit";\nexport default defineConfig({ transports: ["sse", "json"] });\n`,
    );

    const installed = join(project, "node_modules/edgelit");
    const before = listing(installed);

    const server = await startInProject(project, ["start", "app.ts", "--storage", "memory"]);
    const { url } = server;
    try {
      // The page references the shipped client, and its assets are served.
      const page = await (await fetch(url)).text();
      expect(page).toContain('"transports":["sse","json"]');
      const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) expect((await fetch(`${url}${asset}`)).status).toBe(200);

      // One event over HTTP, as the browser sends it; then a click.
      const tab = new EventClient(url);
      await tab.send();
      expect(tab.last?.status).toBe(200);
      expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "0" });
      const button = tab.elements("button")[0]!;
      await tab.send([{ id: button.id as string, value: true }]);
      expect(tab.elements("metric")[0]).toMatchObject({ value: "1" });
      expect(server.output()).not.toMatch(/could not load|building/i);
    } finally {
      await server.stop();
    }
    expect(listing(installed)).toEqual(before);
  },
);

test(
  "the README's app runs with `npx edgelit run` from the installed package and counts a click in Chromium",
  { timeout: 120_000 },
  async () => {
    const installed = join(work.path, "node_modules/edgelit");
    const before = listing(installed);
    writeFileSync(join(work.path, "app.ts"), APP);
    const server = await startInProject(work.path, ["run", "app.ts", "--storage", "memory"]);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await metricShows(page, 0);
      await page.getByRole("button", { name: "Add one" }).click();
      await metricShows(page, 1);
      expect(page.errors).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
    expect(listing(installed)).toEqual(before);
  },
);

test(
  "scripts run in threads from the installed package too: --threads 1 serves an event and a click",
  { timeout: 120_000 },
  async () => {
    // The README's app, saying which thread ran it.
    const threaded = APP.replace(
      'st.title("Counter");',
      'st.title("Counter");\n  st.text(`main thread: ${isMainThread}`);',
    );
    writeFileSync(
      join(work.path, "threaded-app.ts"),
      `import { isMainThread } from "node:worker_threads";\n${threaded}`,
    );
    const server = await startInProject(work.path, [
      "start",
      "threaded-app.ts",
      "--storage",
      "memory",
      "--threads",
      "1",
    ]);
    try {
      const tab = new EventClient(server.url);
      await tab.send();
      expect(tab.elements("text").map((props) => props.body)).toEqual(["main thread: false"]);
      expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "0" });
      await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
      expect(tab.elements("metric")[0]).toMatchObject({ value: "1" });
    } finally {
      await server.stop();
    }
    expect(server.output()).not.toMatch(/could not load|error/i);
  },
);

/** `npx edgelit <args>` in `project` on 127.0.0.1 and a free port, once it says where it serves. */
async function startInProject(project: string, args: string[]) {
  const child = spawn("npx", ["edgelit", ...args, "--port", "0", "--host", "127.0.0.1"], {
    cwd: project,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  try {
    const url = await new Promise<string>((done, fail) => {
      const timer = setInterval(() => {
        const found = output.match(/serving .* at (http:\/\/\S+)/)?.[1];
        if (found) {
          clearInterval(timer);
          done(found);
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          fail(new Error(`edgelit exited with ${child.exitCode}; output:\n${output}`));
        }
      }, 50);
      setTimeout(() => {
        clearInterval(timer);
        fail(new Error(`edgelit did not start; output:\n${output}`));
      }, 60_000);
    });
    return { url, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
