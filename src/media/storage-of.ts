import { createStorage, type Driver, type Storage } from "unstorage";

/**
 * An unstorage instance as it is, or one over a bare driver: options that take a store take
 * either.
 *
 * @example
 * const bytes = storageOf(fsDriver({ base: "/mnt/media" }));
 */
export function storageOf(store: Storage | Driver): Storage {
  return "getMount" in store ? (store as Storage) : createStorage({ driver: store as Driver });
}
