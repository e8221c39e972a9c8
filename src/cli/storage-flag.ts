import { resolve } from "node:path";
import { createStorage, type Storage } from "unstorage";
import fsDriver from "unstorage/drivers/fs";
import memoryDriver from "unstorage/drivers/memory";
import redisDriver from "unstorage/drivers/redis";

/** A store chosen on the command line, and how to describe it. */
export interface ChosenStorage {
  storage: Storage;
  description: string;
}

/**
 * The store for `--storage`: `memory`, `fs` (in .edgelit/store), `fs:<dir>`,
 * or a `redis://` / `rediss://` URL.
 */
export function storageFromFlag(flag: string, cwd: string): ChosenStorage {
  if (flag === "memory") {
    return { storage: createStorage({ driver: memoryDriver() }), description: "memory (sessions are lost on restart)" };
  }
  if (flag === "fs" || flag.startsWith("fs:")) {
    const base = resolve(cwd, flag === "fs" ? ".edgelit/store" : flag.slice(3));
    return { storage: createStorage({ driver: fsDriver({ base }) }), description: `fs ${base}` };
  }
  if (/^rediss?:\/\//.test(flag)) {
    const url = new URL(flag);
    const shown = url.password ? flag.replace(`:${url.password}@`, ":***@") : flag;
    return { storage: createStorage({ driver: redisDriver({ url: flag }) }), description: `redis ${shown}` };
  }
  throw new Error(`--storage must be memory, fs, fs:<dir> or a redis:// URL; got "${flag}"`);
}
