// A project as `npx edgelit init` writes it, inside a copy of the installed
// project (see packed-project.ts), with its own dependencies installed from the
// npm cache; and the long-running commands such a project runs.
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packedTarball } from "./packed-project.ts";

/** Runs a command in `cwd` and returns what it printed; throws with its output when it fails. */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: "utf8",
      stdio: "pipe",
      timeout: 180_000,
      env: { ...process.env, ...QUIET, ...env },
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${command} ${args.join(" ")} failed in ${cwd}:\n${failed.stdout ?? ""}\n${failed.stderr ?? failed.message}`,
    );
  }
}

/** No telemetry, no update checks, no network where a flag can prevent it. */
const QUIET: NodeJS.ProcessEnv = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  npm_config_prefer_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

/**
 * Installs the project's dependencies as `npm install` would, with edgelit taken
 * from the packed tarball: the version init wrote (`^x.y.z`) names one that is
 * not published, and the npm cache holds everything else.
 */
export function installInitProject(project: string): void {
  const file = join(project, "package.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    dependencies: Record<string, string>;
  };
  manifest.dependencies.edgelit = `file:${packedTarball()}`;
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  run("npm", ["install"], project);
}

/** A long-running command a test started; stopped with its whole process group. */
export interface RunningCommand {
  /** The first group of `ready` in the output. */
  match: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `command` in a process group of its own and waits until its output
 * matches `ready` (at most `timeoutMs`); fails with the output if it exits first.
 */
export async function startUntil(
  command: string,
  args: string[],
  options: { cwd: string; ready: RegExp; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunningCommand> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...QUIET, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    const match = output.match(options.ready)?.[1];
    if (match) return { match, output: () => output, stop };
    if (child.exitCode !== null) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  await stop();
  throw new Error(`${command} ${args.join(" ")} did not get ready; output:\n${output}`);
}
