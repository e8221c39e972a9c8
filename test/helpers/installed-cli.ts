import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { EventClient } from "./events.ts";
import type { StartedProcess } from "./processes.ts";

/**
 * The app the package tests serve: the README's own (its first TypeScript
 * block), so what a newcomer copies is what is tested. One button, one metric.
 */
export const COUNTER_APP = readmeApp();

function readmeApp(): string {
  const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");
  const app = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!app?.includes("defineApp")) throw new Error("README.md's first ts block is not an app");
  return app;
}

/** How to start the CLI an installed project holds. */
export interface InstalledCliOptions {
  /** The Node binary to run it with. Default: this process's. */
  node?: string;
  /** Arguments after `edgelit`, e.g. `["start", "app.ts", "--storage", "memory"]`. */
  args: string[];
  /** Run as this user and group (the test runs as root), with no supplementary groups. */
  user?: { uid: number; gid: number };
  /** The whole environment of the process. Default: this process's. */
  env?: NodeJS.ProcessEnv;
}

/**
 * `node node_modules/edgelit/bin/edgelit.mjs <args> --port 0 --host 127.0.0.1`
 * in `project`, as an installed package's users run it; resolves once it
 * serves, with the URL it printed.
 */
export async function startInstalledCli(
  project: string,
  options: InstalledCliOptions,
): Promise<StartedProcess & { url: string }> {
  const child = spawn(
    options.node ?? process.execPath,
    ["node_modules/edgelit/bin/edgelit.mjs", ...options.args, "--port", "0", "--host", "127.0.0.1"],
    {
      cwd: project,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Node clears the supplementary groups when it changes the user.
      ...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(child.pid!, signal);
    const timer = setTimeout(
      () => child.exitCode === null && process.kill(child.pid!, "SIGKILL"),
      5000,
    );
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const url = output.match(/serving .* at (http:\/\/\S+)/)?.[1];
    if (url) return { pid: child.pid!, output: () => output, stop, url };
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`edgelit exited (${child.exitCode ?? child.signalCode}); output:\n${output}`);
    if (Date.now() > deadline) {
      await stop("SIGKILL");
      throw new Error(`edgelit did not start; output:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Opens {@link COUNTER_APP} at `url` as a tab would, clicks "Add one", and checks both answers. */
export async function serveOneEventAndClick(url: string): Promise<void> {
  const tab = new EventClient(url);
  await tab.send();
  expect(tab.last?.status).toBe(200);
  expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "0" });
  await tab.send([{ id: tab.widgetId("button", "Add one"), value: true }]);
  expect(tab.last?.status).toBe(200);
  expect(tab.elements("metric")[0]).toMatchObject({ label: "Count", value: "1" });
}

/**
 * Checks that the server said what it serves and where it keeps sessions, and
 * nothing else: a warning, a failed write it got past, or a build shows here.
 */
export function expectOnlyStartupLines(output: string): void {
  expect(output.trim().split("\n")).toEqual([
    expect.stringMatching(/^edgelit: serving app\.ts at http:/),
    expect.stringMatching(/^edgelit: sessions in /),
  ]);
}
