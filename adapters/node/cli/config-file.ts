import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { checkConfig, type EdgelitConfig } from "../../../src/config/index.ts";
import { describeDefault, importProjectFile } from "./load-app.ts";
import { oneLine, ProjectFileError, shownPath } from "./project-file-error.ts";

/** The names a config file is found by in the working directory, in order. */
export const CONFIG_FILE_NAMES = [
  "edgelit.config.ts",
  "edgelit.config.mts",
  "edgelit.config.js",
  "edgelit.config.mjs",
];

/**
 * The config file to read: the one `--config` names (which must exist), else the first of
 * {@link CONFIG_FILE_NAMES} in `cwd`, else none.
 *
 * @example
 * const file = findConfigFile(process.cwd(), args.configFile);
 */
export function findConfigFile(cwd: string, given?: string): string | undefined {
  if (given !== undefined) {
    const file = resolve(cwd, given);
    if (!existsSync(file))
      throw new ProjectFileError(`no such config file: ${given}; check the path given to --config`);
    return file;
  }
  return CONFIG_FILE_NAMES.map((name) => join(cwd, name)).find((file) => existsSync(file));
}

/**
 * The config a file exports by default, checked; its `app` is made absolute from the file's
 * folder. Throws a {@link ProjectFileError} naming the file and what is wrong.
 *
 * @example
 * const config = await loadConfigFile("/project/edgelit.config.ts");
 */
export async function loadConfigFile(file: string): Promise<EdgelitConfig> {
  const shown = shownPath(file);
  let module: Record<string, unknown>;
  try {
    module = await importProjectFile(file);
  } catch (error) {
    // defineConfig throws as the file is imported; its message names the key at fault.
    if ((error as Error)?.name === "EdgelitConfigError")
      throw new ProjectFileError(`${shown}: ${(error as Error).message}`);
    throw new ProjectFileError(`could not load ${shown}: ${oneLine(error)}; fix it and run again`);
  }
  if (module.default === undefined)
    throw new ProjectFileError(
      `${shown} ${describeDefault(module)}; it must export default defineConfig({ ... })`,
    );
  let config: EdgelitConfig;
  try {
    config = checkConfig(module.default);
  } catch (error) {
    throw new ProjectFileError(`${shown}: ${(error as Error).message}`);
  }
  if (config.app === undefined) return config;
  return { ...config, app: resolve(dirname(file), config.app) };
}
