import { existsSync, readFileSync } from "node:fs";
import { loadProjectSecrets } from "../secrets-files.ts";
import { readAuthConfig } from "../../../src/server/auth-config.ts";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serveNode } from "../serve.ts";
import { parseArgs, usage, type CliArgs } from "./args.ts";
import { ensureClientBuilt } from "./client-build.ts";
import { findConfigFile, loadConfigFile } from "./config-file.ts";
import { initProject } from "./init.ts";
import { loadApp, type LiveApp } from "./load-app.ts";
import { packageRoot } from "./package-root.ts";
import { shownPath } from "./project-file-error.ts";
import { resolveSettings, type Settings } from "./settings.ts";
import { storageFromFlag, type ChosenStorage } from "./storage-flag.ts";
import { mediaStorageFromFlag, type ChosenMediaStorage } from "./media-storage-flag.ts";
import { SCRIPT_THREAD_ENTRY, type CliThreadSetup } from "./script-thread.ts";
import { clearSharedCache } from "../../../src/cache/index.ts";

const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** `edgelit <command>`: returns the process exit code, or never for a running server. */
export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`edgelit: ${(error as Error).message}\n\n${usage()}`);
    return 2;
  }
  if (args.help) {
    console.log(usage(args.command));
    return 0;
  }
  switch (args.command) {
    case "run":
    case "start":
      break;
    case "init":
      return initProject(args.file, { cwd: process.cwd(), packageRoot: PACKAGE_ROOT });
    case "hello":
    case "cache":
      break;
    case "version":
      console.log(packageVersion());
      return 0;
    case "help":
      console.log(usage(args.file));
      return 0;
    case undefined:
      console.log(usage());
      return 2;
    default:
      console.error(`edgelit: unknown command "${args.command}"\n\n${usage()}`);
      return 2;
  }
  const settings = await loadSettings(args);
  if (!settings) return 1;
  if (args.command === "cache") return clearCache(args, settings);
  if (args.command === "hello")
    return runApp(join(PACKAGE_ROOT, "examples/hello/app.ts"), args, settings);
  const file = args.file ?? settings.app;
  if (!file) {
    console.error(
      `edgelit: ${args.command} needs an app file, e.g. edgelit ${args.command} app.ts (or "app" in edgelit.config.ts)\n\n${usage()}`,
    );
    return 2;
  }
  return runApp(resolve(file), args, settings);
}

/**
 * The options from flags, the environment and the config file, or undefined after saying in
 * one line what is wrong with one of them.
 */
async function loadSettings(args: CliArgs): Promise<Settings | undefined> {
  try {
    const configFile = findConfigFile(process.cwd(), args.configFile);
    const file = configFile === undefined ? undefined : await loadConfigFile(configFile);
    return resolveSettings({ flags: args.flags, env: process.env, file });
  } catch (error) {
    console.error(`edgelit: ${(error as Error).message}`);
    return undefined;
  }
}

async function runApp(file: string, args: CliArgs, settings: Settings): Promise<number> {
  if (!existsSync(file)) {
    console.error(
      `edgelit: no such app file: ${shownPath(file)}; check the path, or create it with export default defineApp((st) => { ... })`,
    );
    return 2;
  }
  let server: Awaited<ReturnType<typeof serveNode>> | undefined;
  let app: LiveApp;
  try {
    app = await loadApp(file, { watch: args.dev, onReload: () => server?.reload() });
  } catch (error) {
    console.error(`edgelit: ${(error as Error).message}`);
    return 1;
  }
  let secrets;
  try {
    secrets = loadProjectSecrets(process.cwd(), settings.secretsFile);
    readAuthConfig(secrets); // a mistake in [auth] is named here, before the server starts
  } catch (error) {
    app.close();
    console.error(`edgelit: ${(error as Error).message}`);
    return 1;
  }
  const chosen = await chooseStorage(settings);
  if (!chosen) {
    app.close();
    return 2;
  }
  let media: ChosenMediaStorage | undefined;
  try {
    media =
      settings.mediaStorage === undefined
        ? undefined
        : mediaStorageFromFlag(settings.mediaStorage, process.cwd(), process.env, secrets);
  } catch (error) {
    app.close();
    await chosen.storage.dispose();
    console.error(`edgelit: ${(error as Error).message}`);
    return 2;
  }
  const storeProblem =
    chosen.redis &&
    (await (await import("./redis-inspection.ts")).inspectRedis(chosen.redis, settings));
  if (storeProblem) {
    app.close();
    await chosen.storage.dispose();
    console.error(`edgelit: ${storeProblem}`);
    return 2;
  }
  let clientDir: string;
  try {
    clientDir = await ensureClientBuilt(PACKAGE_ROOT);
  } catch (error) {
    app.close();
    await chosen.storage.dispose();
    console.error(`edgelit: ${(error as Error).message}`);
    return 1;
  }
  try {
    server = await serveNode({
      ...settings,
      app: () => app.current(),
      storage: chosen.storage,
      mediaStorage: media?.storage,
      clientDir,
      dev: args.dev,
      secrets,
      scriptThread: {
        entry: SCRIPT_THREAD_ENTRY,
        // The memory store lives in this thread: the script threads reach it through this one.
        setup: {
          appFile: file,
          storage: settings.storage === "memory" ? undefined : settings.storage,
          storageReplicas: settings.storageReplicas,
          mediaStorage: settings.mediaStorage,
          cwd: process.cwd(),
        } satisfies CliThreadSetup,
        bridgeStorage: settings.storage === "memory",
      },
    });
  } catch (error) {
    app.close();
    await chosen.storage.dispose();
    console.error(`edgelit: ${listenErrorMessage(error as NodeJS.ErrnoException, settings)}`);
    return 1;
  }
  console.log(`edgelit: serving ${relative(process.cwd(), file) || file} at ${server.url}`);
  console.log(
    `edgelit: sessions in ${chosen.description}${args.dev ? "; reloading on changes" : ""}`,
  );
  if (media) console.log(`edgelit: media, uploads and frame batches in ${media.description}`);
  if (settings.threads)
    void server.threadsReady.then(() =>
      console.log(`edgelit: ${settings.threads} script threads have loaded the app`),
    );

  let stopping = false;
  const shutdown = async () => {
    // A second signal means now.
    if (stopping) process.exit(1);
    stopping = true;
    const drainSeconds = settings.drainSeconds ?? DEFAULT_DRAIN_SECONDS;
    console.log(`edgelit: draining (at most ${drainSeconds} s): runs under way finish and save`);
    app.close();
    const inTime = await server?.shutdown(drainSeconds);
    if (inTime === false)
      console.error(`edgelit: runs still under way after ${drainSeconds} s were cut`);
    await chosen.storage.dispose();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  return new Promise<number>(() => {});
}

/** drainSeconds when unset: below the 30 s a container platform (Kubernetes) waits before SIGKILL. */
const DEFAULT_DRAIN_SECONDS = 25;

/** edgelit's own version, from its package.json. */
function packageVersion(): string {
  return (
    JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
  ).version;
}

/** One line saying why the server could not listen, and what to do about it. */
function listenErrorMessage(error: NodeJS.ErrnoException, args: Settings): string {
  const where = `port ${args.port} on ${args.host}`;
  switch (error.code) {
    case "EADDRINUSE":
      return `${where} is in use; choose another with --port`;
    case "EACCES":
      return `${where} needs privileges this process lacks; choose a port above 1023 with --port`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return `cannot listen on ${args.host}: no such address on this machine; choose another with --host`;
    default:
      // Not a system error: a setting the server refused (eventTimeoutSeconds at or below the heartbeat).
      return error.code === undefined
        ? error.message
        : `cannot listen on ${where}: ${error.message}`;
  }
}

/** `edgelit cache clear`: empties every cacheData result in the chosen store. */
async function clearCache(args: CliArgs, settings: Settings): Promise<number> {
  if (args.file !== "clear") {
    console.error(
      `edgelit: the cache command takes "clear", e.g. edgelit cache clear --storage redis://…\n\n${usage()}`,
    );
    return 2;
  }
  const chosen = await chooseStorage(settings);
  if (!chosen) return 2;
  try {
    const removed = await clearSharedCache(chosen.storage);
    console.log(
      `edgelit: cleared ${removed} cached result${removed === 1 ? "" : "s"} from ${chosen.description}`,
    );
    return 0;
  } finally {
    await chosen.storage.dispose();
  }
}

/** The store `--storage` names, or undefined after saying what is wrong with it. */
async function chooseStorage(settings: Settings): Promise<ChosenStorage | undefined> {
  try {
    return await storageFromFlag(settings.storage, process.cwd(), process.env, {
      storageReplicas: settings.storageReplicas,
    });
  } catch (error) {
    console.error(`edgelit: ${(error as Error).message}`);
    return undefined;
  }
}
