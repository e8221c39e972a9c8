import type { MessagePort } from "node:worker_threads";
import { createStorage, type Driver, type Storage } from "unstorage";

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
    | "clear";
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
  port.on("message", async (call: StoreCall) => {
    let answer: StoreAnswer;
    try {
      answer = { id: call.id, value: await perform(storage, call) };
    } catch (error) {
      answer = { id: call.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}

/**
 * The script thread's side: a store whose every call is answered by the main thread's store
 * through `port` (see {@link serveStorage}).
 */
export function bridgedStorage(port: MessagePort): Storage {
  let nextId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  port.on("message", (answer: StoreAnswer) => {
    const call = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ("error" in answer) call?.reject(new Error(answer.error));
    else call?.resolve(answer.value);
  });
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
      port.postMessage({ id, operation, key, value, options } satisfies StoreCall);
    });
  const driver: Driver = {
    name: "edgelit-thread-bridge",
    hasItem: (key) => ask("hasItem", key) as Promise<boolean>,
    getItem: (key) => ask("getItem", key) as Promise<string | null>,
    getItemRaw: (key) => ask("getItemRaw", key),
    setItem: async (key, value, options) => void (await ask("setItem", key, value, plain(options))),
    setItemRaw: async (key, value, options) =>
      void (await ask("setItemRaw", key, value, plain(options))),
    removeItem: async (key) => void (await ask("removeItem", key)),
    getKeys: (base) => ask("getKeys", base) as Promise<string[]>,
    clear: async (base) => void (await ask("clear", base)),
  };
  return createStorage({ driver });
}

// --- Internal helpers ---

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

/** Transaction options without what cannot cross threads (functions, signals). */
function plain(options: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!options) return undefined;
  const copy: Record<string, unknown> = {};
  for (const name in options)
    if (typeof options[name] !== "function" && typeof options[name] !== "object")
      copy[name] = options[name];
  return copy;
}
