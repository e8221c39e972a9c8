import { watch, type FSWatcher } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { tsImport } from "tsx/esm/api";
import { defineApp, toAppDefinition, type AppDefinition } from "../../../src/app/define-app.ts";

/** An app file, loaded and kept current while its sources change. */
export interface LiveApp {
  current(): AppDefinition;
  close(): void;
}

/**
 * Imports an app file written in TypeScript (no build step). With `watch`,
 * every local file it imports is watched, and a change re-imports the app
 * and calls `onReload`. An app that fails to load shows its error in the page
 * until it is fixed.
 */
export async function loadApp(
  file: string,
  options: { watch: boolean; onReload?: () => void },
): Promise<LiveApp> {
  const url = pathToFileURL(file).href;
  const watchers = new Map<string, FSWatcher>();
  let app: AppDefinition;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const importApp = async (): Promise<AppDefinition> => {
    const imported: string[] = [];
    try {
      const module = await tsImport(url, {
        parentURL: import.meta.url,
        onImport: (u) => imported.push(u),
      });
      const definition = toAppDefinition(module.default);
      if (!definition) throw new Error(`${file} must export default defineApp((st) => { ... })`);
      return definition;
    } catch (error) {
      console.error(`[edgelit] could not load ${file}:`, error);
      return defineApp((st) => {
        st.error(`Could not load ${file}. Fix it and save: the page reloads by itself.`);
        st.exception(error);
      });
    } finally {
      if (options.watch) watchAll([url, ...imported]);
    }
  };

  const watchAll = (urls: string[]) => {
    for (const imported of urls) {
      if (
        !imported.startsWith("file:") ||
        imported.includes("/node_modules/") ||
        watchers.has(imported)
      )
        continue;
      const watcher = watch(fileURLToPath(imported), () => {
        clearTimeout(debounce);
        debounce = setTimeout(async () => {
          app = await importApp();
          options.onReload?.();
        }, 80);
      });
      watcher.on("error", () => watchers.delete(imported));
      watchers.set(imported, watcher);
    }
  };

  app = await importApp();
  return {
    current: () => app,
    close() {
      clearTimeout(debounce);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
