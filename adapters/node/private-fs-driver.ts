import { createHash, randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Driver } from "unstorage";
import fsDriver from "unstorage/drivers/fs";

/** Folders of the store: only the server's own user may list or enter them. */
const PRIVATE_DIR_MODE = 0o700;
/** Files of the store: only the server's own user may read them. */
const PRIVATE_FILE_MODE = 0o600;

/** Where a value is written before it is renamed into place; never listed as a key. */
const TEMPORARY_FOLDER = ".edgelit-partial";

/** A key segment that is a session id (or another 128-bit id, as media ids): it is never a file name. */
const ID_SEGMENT = /^[0-9a-f]{32}(?:[0-9a-f]{24})?$/;

/**
 * unstorage's fs driver, made private to the server's user: folders 0700,
 * files 0600 (the stock driver leaves both to the umask, usually
 * world-readable), and no file named by a session id: a key segment that is
 * an id is stored as `h-<sha256 of it>`, so listing the folder, a backup or a
 * log of file names gives no one a session. Keys listed back (for sweeping)
 * carry the hashed segment, which maps to the same file. Files an earlier
 * version named by the id itself are moved to their hashed name when first read.
 */
export function privateFsDriver(options: { base: string }): Driver {
  const base = resolve(options.base);
  mkdirSync(base, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(base, PRIVATE_DIR_MODE);
  const stock = fsDriver({
    base,
    ignore: [
      "**/node_modules/**",
      "**/.git/**",
      `**/${TEMPORARY_FOLDER}/**`,
      `**/${TEMPORARY_FOLDER}`,
    ],
  });

  const segmentsOf = (key: string) => {
    const segments = key.split(":");
    if (segments.some((segment) => segment === ".." || segment === "."))
      throw new Error(`Invalid key: ${JSON.stringify(key)}. It should not contain .. segments`);
    return segments;
  };
  const pathOf = (key: string) =>
    join(
      base,
      ...segmentsOf(key).map((segment) =>
        ID_SEGMENT.test(segment) ? `h-${sha256(segment)}` : segment,
      ),
    );
  /** Where an earlier version kept the key, when it differs from today's path. */
  const legacyPathOf = (key: string) => {
    const segments = segmentsOf(key);
    return segments.some((segment) => ID_SEGMENT.test(segment))
      ? join(base, ...segments)
      : undefined;
  };
  /** The key's file, after moving an earlier version's file to its hashed name. */
  const existingPathOf = async (key: string) => {
    const path = pathOf(key);
    const legacy = legacyPathOf(key);
    if (legacy && !existsSync(path) && existsSync(legacy)) {
      await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
      await rename(legacy, path).catch(() => undefined);
    }
    return path;
  };
  const read = async (key: string, encoding?: "utf8") => {
    try {
      return await readFile(await existingPathOf(key), encoding);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  };
  // Written whole to a temporary file, then renamed over the key's: a reader in another process
  // sees the old value or the new one, never half of it.
  const temporary = join(base, TEMPORARY_FOLDER);
  const write = async (key: string, value: string | Uint8Array) => {
    const path = pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
    await mkdir(temporary, { recursive: true, mode: PRIVATE_DIR_MODE });
    const partial = join(temporary, `${process.pid}-${randomUUID()}`);
    try {
      await writeFile(partial, value, { mode: PRIVATE_FILE_MODE });
      await rename(partial, path);
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      throw error;
    }
  };

  return {
    ...stock,
    name: "fs-private",
    hasItem: async (key) => existsSync(await existingPathOf(key)),
    getItem: (key) => read(key, "utf8"),
    getItemRaw: (key) => read(key),
    async getMeta(key) {
      const info = await stat(await existingPathOf(key)).catch(() => undefined);
      return info
        ? { atime: info.atime, mtime: info.mtime, size: info.size, birthtime: info.birthtime }
        : {};
    },
    setItem: (key, value) => write(key, value),
    setItemRaw: (key, value) => write(key, value as Uint8Array),
    async removeItem(key) {
      for (const path of [pathOf(key), legacyPathOf(key)])
        if (path)
          await unlink(path).catch((error) =>
            isMissing(error) ? undefined : Promise.reject(error),
          );
    },
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "EISDIR";
}
