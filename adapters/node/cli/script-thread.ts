import { register } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { defineApp, type AppDefinition } from "../../../src/app/define-app.ts";
import { createRerunContext } from "../../../src/server/create-server.ts";
import { bridgedStorage, primeReads } from "../script-threads/storage-bridge.ts";
import { sessionKey } from "../../../src/session/store.ts";
import { isScriptThreadData, type ScriptThreadData } from "../script-threads/thread-messages.ts";
import { serveRuns } from "../script-threads/thread-runs.ts";
import { loadApp } from "./load-app.ts";
import { isInstalledPackage, packageRoot } from "./package-root.ts";
import { storageFromFlag } from "./storage-flag.ts";
import { mediaStorageFromFlag } from "./media-storage-flag.ts";

/** How the CLI's script threads load the app: its file, and the store setting to open. */
export interface CliThreadSetup {
  appFile: string;
  /** The `--storage` setting; undefined when the thread reaches the main thread's store. */
  storage: string | undefined;
  /** Replicas that must hold a Redis save (`--storage-replicas`). */
  storageReplicas?: number;
  /** The `--media-storage` setting, opened again in the thread. */
  mediaStorage?: string;
  cwd: string;
}

/**
 * The module a script thread starts from. In the compiled CLI it is the bundle itself, whose
 * modules all load in the thread: the check below starts the thread's work there.
 */
export const SCRIPT_THREAD_ENTRY = import.meta.url;

if (!isMainThread && isScriptThreadData(workerData))
  void startScriptThread(workerData as ScriptThreadData<CliThreadSetup>);

/** Loads the app in this thread, opens the store, and serves the main thread's events. */
async function startScriptThread(data: ScriptThreadData<CliThreadSetup>): Promise<void> {
  const { setup } = data;
  // In a checkout, "edgelit" names the sources, as bin/edgelit.mjs arranges for the main thread:
  // a thread does not inherit that resolve hook, and the app it loads imports "edgelit".
  const root = packageRoot(dirname(fileURLToPath(import.meta.url)));
  if (!isInstalledPackage(root))
    register(pathToFileURL(join(root, "bin/source-condition.mjs")).href, import.meta.url);
  const bridge = data.storagePort ? bridgedStorage(data.storagePort) : undefined;
  const storage =
    bridge?.storage ??
    (
      await storageFromFlag(setup.storage ?? "memory", setup.cwd, process.env, {
        storageReplicas: setup.storageReplicas,
      })
    ).storage;
  const context = createRerunContext({
    ...data.server,
    app: await loadThreadApp(setup.appFile),
    storage,
    mediaStorage:
      setup.mediaStorage === undefined
        ? undefined
        : mediaStorageFromFlag(setup.mediaStorage, setup.cwd, process.env, data.server.secrets)
            .storage,
    // st.context.env: the environment as the process started, frozen so an app cannot change it.
    env: Object.freeze({ ...process.env }),
  });
  context.sendAtOnce = true;
  serveRuns(context, parentPort!, data, bridge?.prime ?? primeReads(storage, sessionKey("")));
}

/** The app, or one that shows why it cannot load (the main thread loaded it, so it changed since). */
async function loadThreadApp(file: string): Promise<AppDefinition> {
  try {
    return (await loadApp(file, { watch: false })).current();
  } catch (error) {
    console.error(`[edgelit] could not load ${file}:`, error);
    return defineApp((st) => {
      st.error(`Could not load ${file}. Fix it and save: the page reloads by itself.`);
      st.exception(error);
    });
  }
}
