import { readFile, realpath } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ComponentFileReader } from "../../src/server/component-route.ts";

/**
 * Reads a file of a component's frontend folder from disk: the folder as
 * declared (a path, relative to the working directory, or a file: URL). A
 * file whose real path (links followed) leaves the folder is not there.
 */
export const readComponentFile: ComponentFileReader = async (folder, segments) => {
  const root = await realpath(folder.startsWith("file:") ? fileURLToPath(folder) : resolve(folder));
  const file = await realpath(resolve(root, ...segments)).catch(() => undefined);
  if (!file?.startsWith(root + sep)) return undefined;
  return readFile(file).catch(() => undefined);
};
