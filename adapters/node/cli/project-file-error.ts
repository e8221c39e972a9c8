import { isAbsolute, relative } from "node:path";

/**
 * A file of the user's project (the app, the config) that cannot be used: its message is one
 * line naming the file and the fix, printed as it is, without a stack.
 */
export class ProjectFileError extends Error {
  override name = "ProjectFileError";
}

/**
 * A path as a person in the working directory would write it: relative when it is inside it.
 *
 * @example
 * shownPath(`${process.cwd()}/app.ts`); // "app.ts"
 */
export function shownPath(file: string, cwd = process.cwd()): string {
  const inside = relative(cwd, file);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : file;
}

/** An error's message on one line (a compiler's is several), cut short. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message
    .split("\n")
    .map((part) => part.trim())
    .filter(Boolean)
    .join(" ");
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
