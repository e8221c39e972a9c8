import type { MessagePort } from "node:worker_threads";
import { createStorage, type Driver, type Storage, type StorageValue } from "unstorage";
import type { AtomicDriver } from "../../../src/session/conditional-write.ts";
import { decodeRecord } from "../../../src/session/codec.ts";

/** One store operation a script thread asks of the main thread. */
interface StoreCall {
  id: number;
  operation:
    | "hasItem"
    | "getItem"
    | "getItemRaw"
    | "setItem"
    | "setItemRaw"
    | "removeItem"
    | "getKeys"
    | "clear"
    | "compareAndSet";
  key: string;
  value?: unknown;
  options?: Record<string, unknown>;
}

/** Its answer. */
type StoreAnswer = { id: number; value: unknown } | { id: number; error: string };

/**
 * The main thread's side of a store its script threads cannot open themselves (the memory
 * store lives in the main thread's heap; a Storage object given to serveNode cannot be sent):
 * answers each thread's store calls on `port`. Values pass as the driver holds them (JSON
 * text), so the main thread parses nothing.
 */
export function serveStorage(port: MessagePort, storage: Storage): void {
  const answer = batched<StoreAnswer>((answers) => port.postMessage(answers));
  const serve = async (call: StoreCall) => {
    try {
      answer({
        id: call.id,
        value:
          call.operation === "compareAndSet"
            ? await compareAndSet(storage, call)
            : await perform(storage, call),
      });
    } catch (error) {
      answer({ id: call.id, error: error instanceof Error ? error.message : String(error) });
    }
  };
  port.on("message", (calls: StoreCall[]) => {
    for (const call of calls) void serve(call);
  });
}

/** A store reached through the main thread, and how to hand it a value read ahead. */
export interface BridgedStorage {
  storage: Storage;
  /**
   * A value the main thread read along with the event that needs it (the session record): the
   * next read of `key` takes it instead of asking. Events of a session run one at a time, so
   * nothing writes it in between.
   */
  prime(key: string, value: unknown): void;
}

/**
 * The script thread's side: a store whose every call is answered by the main thread's store
 * through `port` (see {@link serveStorage}).
 */
export function bridgedStorage(port: MessagePort): BridgedStorage {
  const primed = new Map<string, unknown>();
  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  port.on("message", (answers: StoreAnswer[]) => {
    for (const answer of answers) {
      const call = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ("error" in answer) call?.reject(new Error(answer.error));
      else call?.resolve(answer.value);
    }
  });
  const call = batched<StoreCall>((calls) => port.postMessage(calls));
  // The port must not keep an idle thread alive on its own; the parent port does.
  port.unref();
  const ask = (
    operation: StoreCall["operation"],
    key: string,
    value?: unknown,
    options?: Record<string, unknown>,
  ) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      call({ id, operation, key, value, options });
    });
  const driver: Driver = {
    name: "edgelit-thread-bridge",
    hasItem: (key) => ask("hasItem", key) as Promise<boolean>,
    getItem: (key) => {
      if (!primed.has(key)) return ask("getItem", key) as Promise<string | null>;
      const value = primed.get(key) as string | null;
      primed.delete(key);
      return value;
    },
    getItemRaw: (key) => ask("getItemRaw", key),
    setItem: async (key, value, options) => void (await ask("setItem", key, value, plain(options))),
    setItemRaw: async (key, value, options) =>
      void (await ask("setItemRaw", key, value, plain(options))),
    removeItem: async (key) => void (await ask("removeItem", key)),
    getKeys: (base) => ask("getKeys", base) as Promise<string[]>,
    clear: async (base) => void (await ask("clear", base)),
  };
  // A session is saved in one call (see AtomicDriver), not a read and then a write.
  const atomic: AtomicDriver = {
    compareAndSet: (key, value, expectedVersion, ttlSeconds) =>
      ask("compareAndSet", key, value, { expectedVersion, ttlSeconds }) as Promise<boolean>,
  };
  Object.assign(driver, atomic);
  return {
    storage: createStorage({ driver }),
    prime: (key, value) => void primed.set(key, value),
  };
}

// --- Internal helpers ---

/**
 * Collects what is posted while this thread's event loop turns, and posts it as one message:
 * waking the other thread costs more than the message. Store calls are awaited, so holding
 * them until the loop turns delays no script that does not yield.
 */
function batched<T>(post: (items: T[]) => void): (item: T) => void {
  let items: T[] = [];
  const flush = () => {
    post(items);
    items = [];
  };
  return (item) => {
    if (items.push(item) === 1) setImmediate(flush);
  };
}

/**
 * The value `key` holds, if the main thread's store gives it without waiting (the memory
 * store does): read along with an event, it spares the thread a round trip.
 */
export function readAtOnce(storage: Storage, key: string): { value: unknown } | undefined {
  const { driver, base } = storage.getMount(key);
  const value = driver.getItem(key.slice(base.length), {});
  if (value instanceof Promise) {
    value.catch(() => {});
    return undefined;
  }
  return { value: value ?? null };
}

/**
 * The value `key` holds, read at the driver's level (the text a Redis or fs store holds), or
 * undefined when the read failed: the thread then reads it itself and reports what went wrong.
 */
export async function readAhead(storage: Storage, key: string): Promise<unknown> {
  const { driver, base } = storage.getMount(key);
  try {
    return (await driver.getItem(key.slice(base.length), {})) ?? null;
  } catch {
    return undefined;
  }
}

/**
 * Makes a script thread's own store answer the next read of a key with the value the main
 * thread read along with the event (see {@link readAhead}); returns how to hand it such a value.
 * Events of a session run one at a time, so nothing of this process writes it in between, and
 * the save's compare-and-set still refuses a record another replica saved since.
 */
export function primeReads(
  storage: Storage,
  prefix: string,
): (key: string, value: unknown) => void {
  const primed = new Map<string, unknown>();
  const { driver, base } = storage.getMount(prefix);
  const read = driver.getItem.bind(driver);
  driver.getItem = (key, options) => {
    const full = base + key;
    if (!primed.has(full)) return read(key, options);
    const value = primed.get(full) as StorageValue;
    primed.delete(full);
    return value;
  };
  return (key, value) => {
    // A run refused before it loaded leaves its value: bounded, like the memo of versions.
    if (primed.size >= MAX_TRACKED_VERSIONS) primed.clear();
    primed.set(key, value);
  };
}

/** Runs one call on the main thread's store: values at the driver's level, raw bytes and listings through the store. */
async function perform(storage: Storage, call: StoreCall): Promise<unknown> {
  const { key, options = {} } = call;
  switch (call.operation) {
    case "getItemRaw":
      return storage.getItemRaw(key, options);
    case "setItemRaw":
      return storage.setItemRaw(key, call.value, options);
    case "getKeys":
      return storage.getKeys(key, options);
    case "clear":
      return storage.clear(key, options);
  }
  const { driver, base } = storage.getMount(key);
  const relative = key.slice(base.length);
  switch (call.operation) {
    case "hasItem":
      return driver.hasItem(relative, options);
    case "getItem":
      return (await driver.getItem(relative, options)) ?? null;
    case "setItem":
      return driver.setItem?.(relative, call.value as string, options);
    case "removeItem":
      return driver.removeItem?.(relative, options);
  }
}

/**
 * The versions of the records the main thread saved for its script threads: the bridged store
 * is one only this process writes (the memory store), so what it wrote is what it holds, and a
 * save compares against it without reading the record back. Set before the write is awaited,
 * so two saves of one record cannot both pass.
 */
const savedVersions = new WeakMap<Storage, Map<string, number>>();
const MAX_TRACKED_VERSIONS = 10_000;

/** A save for a script thread: written only if the stored record has the version the thread loaded. */
async function compareAndSet(storage: Storage, call: StoreCall): Promise<boolean> {
  const { expectedVersion, ttlSeconds } = call.options as {
    expectedVersion: number;
    ttlSeconds: number;
  };
  const { driver, base } = storage.getMount(call.key);
  const relative = call.key.slice(base.length);
  const value = call.value as string;
  const atomic = (driver as Partial<AtomicDriver>).compareAndSet;
  if (typeof atomic === "function")
    return atomic.call(driver, relative, value, expectedVersion, ttlSeconds);
  let versions = savedVersions.get(storage);
  if (!versions) savedVersions.set(storage, (versions = new Map()));
  let current = versions.get(call.key);
  if (current === undefined) {
    const stored = await driver.getItem(relative, {});
    // Another save of this record may have been tracked while it was read.
    current = versions.get(call.key) ?? versionOf(stored);
  }
  if (current !== expectedVersion) return false;
  if (versions.size >= MAX_TRACKED_VERSIONS) versions.clear();
  versions.set(call.key, expectedVersion + 1);
  await driver.setItem?.(relative, value, { ttl: ttlSeconds });
  return true;
}

/** The version of a stored record, 0 for none. */
function versionOf(stored: unknown): number {
  const value = typeof stored === "string" ? (JSON.parse(stored) as unknown) : stored;
  return decodeRecord(value)?.version ?? 0;
}

/** Transaction options without what cannot cross threads (functions, signals). */
function plain(options: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!options) return undefined;
  const copy: Record<string, unknown> = {};
  for (const name in options)
    if (typeof options[name] !== "function" && typeof options[name] !== "object")
      copy[name] = options[name];
  return copy;
}
