import { cpSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { tempDir } from "./processes.ts";

/** The shared installed project (see pack-setup.ts): read it, never change it. */
export function installedProject(): string {
  return inject("edgelitProject");
}

/** The packed tarball (see pack-setup.ts). */
export function packedTarball(): string {
  return inject("edgelitTarball");
}

/**
 * A private copy of the installed project, for a test that writes files or
 * installs more packages into it; `remove()` deletes it.
 */
export function copyInstalledProject(prefix = "edgelit-project-"): {
  path: string;
  remove(): void;
} {
  const copy = tempDir(prefix);
  cpSync(installedProject(), copy.path, { recursive: true, verbatimSymlinks: true });
  return copy;
}

/** Every file under `dir` with its size and modification time, one line each. */
export function listing(dir: string): string[] {
  const lines: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const info = statSync(path);
        lines.push(`${path.slice(dir.length)} ${info.size} ${info.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return lines.sort();
}
