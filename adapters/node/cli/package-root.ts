import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * edgelit's package folder: the nearest folder above `from` holding a
 * package.json. Found by walking up, so it is the same whether the CLI runs
 * from adapters/node/cli, from dist/adapters/node/cli or from the bundle in
 * dist-server.
 */
export function packageRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

/**
 * True when edgelit's package at `root` is an installed copy rather than a
 * checkout: the package's `files` leave the client's sources out, so only a
 * checkout holds client/. (bin/compiled-cli.mjs asks the same question.)
 */
export function isInstalledPackage(root: string): boolean {
  return !existsSync(join(root, "client"));
}
