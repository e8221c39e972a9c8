import { chmodSync, mkdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Driver } from "unstorage";
import fsDriver from "unstorage/drivers/fs";

/** Folders of the store: only the server's own user may list or enter them. */
const PRIVATE_DIR_MODE = 0o700;
/** Files of the store: only the server's own user may read them (they name and hold sessions). */
const PRIVATE_FILE_MODE = 0o600;

/**
 * unstorage's fs driver, except that everything it creates is private to the
 * server's user: folders 0700, files 0600 (the stock driver leaves both to the
 * umask, usually world-readable, and a session file's name is its session id).
 * The store's root is made private too when it already exists.
 */
export function privateFsDriver(options: { base: string }): Driver {
  const base = resolve(options.base);
  mkdirSync(base, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(base, PRIVATE_DIR_MODE);
  const driver = fsDriver({ base });
  const pathOf = (key: string) => {
    // The stock driver refuses ".." segments before any write reaches this one.
    if (/\.\.:|\.\.$/.test(key)) throw new Error(`Invalid key: ${JSON.stringify(key)}`);
    return join(base, key.replace(/:/g, "/"));
  };
  const write = async (key: string, value: string | Uint8Array) => {
    const path = pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE });
    await writeFile(path, value, { mode: PRIVATE_FILE_MODE });
  };
  return {
    ...driver,
    name: "fs-private",
    setItem: (key, value) => write(key, value),
    setItemRaw: (key, value) => write(key, value as Uint8Array),
  };
}
