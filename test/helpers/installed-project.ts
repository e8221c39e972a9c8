// Runs what a user's project runs once edgelit is installed into it (see
// pack-setup.ts): its `edgelit` command, and npm or npx inside the project.
import { execFile, spawn } from "node:child_process";
import { join } from "node:path";

/** An `edgelit start` server in an installed project; `stop` kills it by its pid. */
export interface InstalledServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `edgelit start <app>` from the project's node_modules/.bin, as `npx
 * edgelit` would, on a free port of 127.0.0.1 with the memory store; resolves
 * once it says where it serves, rejects with its output if it exits first.
 */
export async function startInstalledApp(project: string, app: string): Promise<InstalledServer> {
  const child = spawn(
    process.execPath,
    [
      join(project, "node_modules/.bin/edgelit"),
      "start",
      app,
      "--storage",
      "memory",
      "--port",
      "0",
      "--host",
      "127.0.0.1",
    ],
    { cwd: project, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, "SIGTERM");
    await exited;
  };
  const url = await new Promise<string | undefined>((done) => {
    const look = () => {
      const found = output.match(/serving .* at (http:\/\/\S+)/)?.[1];
      if (found) done(found);
    };
    child.stdout.on("data", look);
    child.stderr.on("data", look);
    void exited.then(() => done(undefined));
  });
  if (!url) {
    await stop();
    throw new Error(`edgelit start ${app} exited with ${child.exitCode}; output:\n${output}`);
  }
  return { url, output: () => output, stop };
}

/** What a command run in a project printed, and its exit code (0 when it succeeded). */
export interface CommandResult {
  code: number;
  output: string;
}

/** Runs `command` in `cwd` and collects its stdout and stderr; never throws for a non-zero exit. */
export function runIn(cwd: string, command: string, args: string[]): Promise<CommandResult> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        done({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** `npm install` of `packages` into a project, from the npm cache where it can; throws with npm's output on failure. */
export async function npmInstall(project: string, packages: string[]): Promise<void> {
  const result = await runIn(project, "npm", [
    "install",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
    ...packages,
  ]);
  if (result.code !== 0)
    throw new Error(`npm install ${packages.join(" ")} failed:\n${result.output}`);
}
