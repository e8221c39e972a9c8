import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";

/**
 * True when Node imports `file` as an ES module with no help from edgelit's module hooks or tsx:
 * an `.mjs` file, or a `.js` file whose nearest package.json says `"type": "module"`. Such an
 * app starts without tsx and without the thread Node runs module hooks in.
 *
 * @example
 * isNativeModule("/project/app.mjs"); // true
 */
export function isNativeModule(file: string): boolean {
  const extension = extname(file);
  if (extension === ".mjs") return true;
  if (extension !== ".js") return false;
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, "utf8")) as { type?: unknown }).type === "module";
      } catch {
        return false;
      }
    }
    if (dirname(folder) === folder) return false;
  }
}

/**
 * True when an import failed because a file it reached needs tsx: a TypeScript file (an unknown
 * extension to Node), or an import written for TypeScript's resolution (`./util.js` for util.ts).
 */
export function needsTypeScript(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_UNKNOWN_FILE_EXTENSION" || code === "ERR_MODULE_NOT_FOUND";
}
