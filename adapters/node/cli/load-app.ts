import { watch, type FSWatcher } from "node:fs";
import * as nodeModule from "node:module";
import { dirname, extname, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isNativeModule, needsTypeScript } from "./native-module.ts";
import { oneLine, ProjectFileError, shownPath } from "./project-file-error.ts";
import { defineApp, toAppDefinition, type AppDefinition } from "../../../src/app/define-app.ts";

/** An app file, loaded and kept current while its sources change. */
export interface LiveApp {
  current(): AppDefinition;
  close(): void;
}

/**
 * Module hooks that load an app as an ES module whatever its project's
 * package.json says: a project made by `npm init -y` is CommonJS, where tsx
 * would compile app.ts to CommonJS. The app file itself (.ts, .tsx, .mts, .js,
 * .jsx, .mjs) and the TypeScript files it imports from its own folder (not
 * node_modules) resolve as "module"; tsx still compiles the TypeScript.
 */
const ESM_HOOKS = `
import { fileURLToPath } from "node:url";
let folder, entry;
export function initialize(data) { ({ folder, entry } = data); }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (!resolved.url.startsWith("file:")) return resolved;
  const path = fileURLToPath(resolved.url);
  if (path === entry ? /\\.(m?[jt]sx?)$/.test(path) : path.startsWith(folder) && !path.includes("/node_modules/") && /\\.(m?tsx?)$/.test(path))
    return { ...resolved, format: "module" };
  return resolved;
}
`;

const hooked = new Set<string>();

/** Node's in-thread module hooks (Node 22.15 and later), which `@types/node` 20 does not declare. */
type RegisterHooks = (hooks: {
  resolve(
    specifier: string,
    context: object,
    next: (specifier: string, context: object) => { url: string; format?: string | null },
  ): { url: string; format?: string | null };
}) => unknown;

/**
 * Registers {@link ESM_HOOKS} once for an app file: in this thread where Node can (tsx then
 * registers in this thread too, and no thread is started for module hooks, a saving of some
 * 10 MiB), else in Node's module-hooks thread.
 */
function loadAsModules(file: string): void {
  if (hooked.has(file)) return;
  hooked.add(file);
  const folder = `${dirname(file)}${sep}`;
  const registerHooks = (nodeModule as { registerHooks?: RegisterHooks }).registerHooks;
  if (registerHooks) {
    registerHooks({
      resolve(specifier, context, next) {
        const resolved = next(specifier, context);
        if (!resolved.url.startsWith("file:")) return resolved;
        const path = fileURLToPath(resolved.url);
        const asModule =
          path === file
            ? /\.(m?[jt]sx?)$/.test(path)
            : path.startsWith(folder) &&
              !path.includes("/node_modules/") &&
              /\.(m?tsx?)$/.test(path);
        return asModule ? { ...resolved, format: "module" } : resolved;
      },
    });
    return;
  }
  nodeModule.register(`data:text/javascript,${encodeURIComponent(ESM_HOOKS)}`, {
    data: { folder, entry: file },
  });
}

/** Files of the project imported once already, so that importing one again must load it afresh. */
const importedOnce = new Set<string>();
/** Who hears of the files the current import loads (tsx reports every import to one listener). */
let onProjectImport: ((url: string) => void) | undefined;
let typeScriptLoader: Promise<typeof import("tsx/esm/api")> | undefined;

/** tsx, registered for every import from now on (once per thread). */
function loadTypeScript(): Promise<typeof import("tsx/esm/api")> {
  typeScriptLoader ??= import("tsx/esm/api").then((tsx) => {
    tsx.register({ onImport: (url) => onProjectImport?.(url) });
    return tsx;
  });
  return typeScriptLoader;
}

/**
 * Imports a TypeScript or JavaScript file of the user's project as an ES module, whatever its
 * package.json says ({@link ESM_HOOKS}); `onImport` hears of every file it imports.
 *
 * The first import of a file is a plain `import()`: the packages it imports ("edgelit" above
 * all) are the copies this process has loaded already. A file Node loads as an ES module by
 * itself ({@link isNativeModule}) is imported without tsx, unless it is `watched` (dev mode
 * watches what tsx reports it imported) or something it imports needs tsx. Importing a file again
 * (a reload in dev mode) goes through tsx's `tsImport`, whose namespace makes every module
 * afresh, its packages too.
 *
 * @example
 * const module = await importProjectFile("/project/edgelit.config.ts");
 */
export async function importProjectFile(
  file: string,
  onImport?: (url: string) => void,
  options: { watched?: boolean } = {},
): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href;
  let fresh = importedOnce.has(file);
  importedOnce.add(file);
  if (!fresh && !options.watched && isNativeModule(file)) {
    try {
      return (await import(url)) as Record<string, unknown>;
    } catch (error) {
      if (!needsTypeScript(error)) throw error;
      // Node keeps the failed import: the file is imported afresh through tsx.
      fresh = true;
    }
  }
  loadAsModules(file);
  const tsx = await loadTypeScript();
  if (fresh) return tsx.tsImport(url, { parentURL: import.meta.url, onImport });
  onProjectImport = onImport;
  return (await import(url)) as Record<string, unknown>;
}

/** What a module's default export is, for an error message. */
export function describeDefault(module: Record<string, unknown>): string {
  if (!("default" in module) || module.default === undefined) return "has no default export";
  const value = module.default;
  return `exports default ${value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`}`;
}

/**
 * Imports an app file written in TypeScript (no build step). With `watch`,
 * every local file it imports is watched, and a change re-imports the app
 * and calls `onReload`; an app that then fails to load shows its error in the
 * page until it is fixed. An app that fails to load at first is an error
 * whose message is one line naming the file and the fix.
 */
export async function loadApp(
  file: string,
  options: { watch: boolean; onReload?: () => void },
): Promise<LiveApp> {
  const url = pathToFileURL(file).href;
  if (![".ts", ".tsx", ".mts", ".js", ".jsx", ".mjs"].includes(extname(file)))
    console.warn(`[edgelit] ${file}: expected a .ts, .mts, .js or .mjs file`);
  const watchers = new Map<string, FSWatcher>();
  let app: AppDefinition;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const importApp = async (): Promise<AppDefinition> => {
    const imported: string[] = [];
    try {
      const module = await importProjectFile(file, (u) => imported.push(u), {
        watched: options.watch,
      });
      const definition = toAppDefinition(module.default);
      if (!definition)
        throw new ProjectFileError(
          `${shownPath(file)} ${describeDefault(module)}; it must export default defineApp((st) => { ... })`,
        );
      return definition;
    } finally {
      if (options.watch) watchAll([url, ...imported]);
    }
  };

  const reimportApp = async (): Promise<AppDefinition> => {
    try {
      return await importApp();
    } catch (error) {
      console.error(`[edgelit] could not load ${file}:`, error);
      return defineApp((st) => {
        st.error(`Could not load ${file}. Fix it and save: the page reloads by itself.`);
        st.exception(error);
      });
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
          app = await reimportApp();
          options.onReload?.();
        }, 80);
      });
      watcher.on("error", () => watchers.delete(imported));
      watchers.set(imported, watcher);
    }
  };

  const close = () => {
    clearTimeout(debounce);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
  try {
    app = await importApp();
  } catch (error) {
    close();
    throw error instanceof ProjectFileError
      ? error
      : new ProjectFileError(
          `could not load ${shownPath(file)}: ${oneLine(error)}; fix it and run again`,
        );
  }
  return { current: () => app, close };
}
