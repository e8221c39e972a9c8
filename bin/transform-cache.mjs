// tsx keeps the JavaScript it compiles from TypeScript in <temp folder>/tsx-<uid>,
// and fails to load any file when it cannot create that folder: on a read-only
// file system (a container run with no writable /tmp), no app would load.
// There, edgelit has tsx compile in memory only, as it does with
// TSX_DISABLE_CACHE=1. The folder is checked before tsx's module hooks start,
// since they read the environment once, when their thread starts.
import { accessSync, constants, mkdirSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/**
 * Sets TSX_DISABLE_CACHE in `env` when tsx's cache folder cannot be created
 * or written; leaves a value already set alone.
 */
export function keepTransformsInMemoryWhenTempIsReadOnly(env = process.env) {
  if (env.TSX_DISABLE_CACHE !== undefined) return;
  const folder = join(tmpdir(), `tsx-${process.geteuid?.() ?? userInfo().username}`);
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch {
    env.TSX_DISABLE_CACHE = "1";
  }
}
