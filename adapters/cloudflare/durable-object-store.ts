import { DurableObject } from "cloudflare:workers";
import type { Driver } from "unstorage";
import type { AtomicDriver } from "../../src/session/conditional-write.ts";

/** What the object keeps per key: the value as unstorage wrote it, and when it stops existing. */
interface StoredEntry {
  value: string;
  /** Epoch milliseconds; null for a key set without a TTL. */
  expiresAt: number | null;
}

/**
 * A Durable Object that keeps edgelit's sessions: get, set with a TTL,
 * remove, list, and an atomic compare-and-set. Export it from the Worker's
 * entry and bind it in wrangler.toml as a SQLite-backed class (its storage API
 * is synchronous, which is what makes compare-and-set simple).
 *
 * @example
 * // worker.ts
 * export { EdgelitSessionStore } from "edgelit/cloudflare";
 * // wrangler.toml
 * // [[durable_objects.bindings]]  name = "SESSIONS"  class_name = "EdgelitSessionStore"
 * // [[migrations]]  tag = "v1"  new_sqlite_classes = ["EdgelitSessionStore"]
 */
export class EdgelitSessionStore extends DurableObject {
  /**
   * The alarm this instance last saw or set (epoch ms; null: none). Only this class sets the
   * object's alarm, and an instance is the object's only one while it lives, so a save that
   * expires no earlier than it needs no storage call to check. Unknown until first read.
   */
  #alarmAt: number | null | undefined;

  get(key: string): string | null {
    return this.#live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlSeconds?: number): Promise<void> {
    await this.#expireAt(this.#put(key, value, ttlSeconds));
  }

  remove(key: string): void {
    this.ctx.storage.kv.delete(key);
  }

  keys(prefix: string): string[] {
    const now = Date.now();
    const keys: string[] = [];
    for (const [key, entry] of this.ctx.storage.kv.list<StoredEntry>({ prefix })) {
      if (entry.expiresAt === null || entry.expiresAt > now) keys.push(key);
    }
    return keys;
  }

  /**
   * Stores `value` only if the stored record's version is `expectedVersion`
   * (0: no record). Atomic because the read, the comparison and the write are
   * synchronous: nothing is awaited between them, so no other call to this
   * object can run in between (an object runs its JavaScript on one thread,
   * and there is one instance of it in the world). That holds without relying
   * on input gates or `blockConcurrencyWhile`, which would only be needed if
   * the critical section awaited something. The output gate then holds our
   * `true` back until the write is durable, so no caller acts on a lost write.
   */
  async compareAndSet(
    key: string,
    value: string,
    expectedVersion: number,
    ttlSeconds: number,
  ): Promise<boolean> {
    if (versionOf(this.#live(key)) !== expectedVersion) return false;
    const entry = this.#put(key, value, ttlSeconds);
    // Only cleanup is scheduled past this point; the decision is already stored.
    await this.#expireAt(entry);
    return true;
  }

  /** Deletes what has expired and wakes up again for the next expiry, if any. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    let next: number | undefined;
    for (const [key, entry] of this.ctx.storage.kv.list<StoredEntry>()) {
      if (entry.expiresAt === null) continue;
      if (entry.expiresAt <= now) this.ctx.storage.kv.delete(key);
      else next = Math.min(next ?? Infinity, entry.expiresAt);
    }
    this.#alarmAt = next ?? null;
    if (next !== undefined) await this.ctx.storage.setAlarm(next);
  }

  /** The entry, unless it has expired (then it is deleted now rather than at the alarm). */
  #live(key: string): StoredEntry | undefined {
    const entry = this.ctx.storage.kv.get<StoredEntry>(key);
    if (entry?.expiresAt != null && entry.expiresAt <= Date.now()) {
      this.ctx.storage.kv.delete(key);
      return undefined;
    }
    return entry;
  }

  #put(key: string, value: string, ttlSeconds: number | undefined): StoredEntry {
    const entry: StoredEntry = {
      value,
      expiresAt: ttlSeconds ? Date.now() + ttlSeconds * 1000 : null,
    };
    this.ctx.storage.kv.put(key, entry);
    return entry;
  }

  /**
   * Keeps the object's one alarm at or before its earliest expiry. Without it a
   * session nobody opens again would stay stored forever: expiry on read never
   * comes. An active session pushes its expiry forward on every save; its
   * alarm then fires early, finds nothing expired, and sets itself again: one
   * wake-up per TTL, not one alarm write per event, and (the alarm known to this
   * instance) not one alarm read per event either.
   */
  async #expireAt(entry: StoredEntry): Promise<void> {
    if (entry.expiresAt === null) return;
    if (this.#alarmAt != null && this.#alarmAt <= entry.expiresAt) return;
    const alarm = this.#alarmAt === undefined ? await this.ctx.storage.getAlarm() : this.#alarmAt;
    if (alarm === null || alarm > entry.expiresAt) {
      await this.ctx.storage.setAlarm(entry.expiresAt);
      this.#alarmAt = entry.expiresAt;
    } else this.#alarmAt = alarm;
  }
}

/** `version` leading a record, as edgelit writes it: read without decoding the whole record. */
const LEADING_VERSION = /^\{"json":\{"version":(\d+)[,}]/;

/** The version in a stored `{"json":{"version":…}}` record; 0 for none, NaN for anything else (never matches). */
function versionOf(entry: StoredEntry | undefined): number {
  if (!entry) return 0;
  const leading = LEADING_VERSION.exec(entry.value);
  if (leading) return Number(leading[1]);
  try {
    const version = (JSON.parse(entry.value) as { json?: { version?: unknown } }).json?.version;
    return typeof version === "number" ? version : NaN;
  } catch {
    return NaN;
  }
}

/** The store's methods as a stub offers them over RPC: each one returns a promise. */
export type SessionStoreStub = {
  [M in "get" | "set" | "remove" | "keys" | "compareAndSet"]: (
    ...args: Parameters<EdgelitSessionStore[M]>
  ) => Promise<Awaited<ReturnType<EdgelitSessionStore[M]>>>;
};

/** A Durable Object namespace binding of {@link EdgelitSessionStore}, as `env.SESSIONS` holds it. */
export interface SessionStoreNamespace {
  idFromName(name: string): unknown;
  get(id: never): SessionStoreStub;
}

/** Options of {@link durableObjectDriver}. */
export interface DurableObjectDriverOptions {
  namespace: SessionStoreNamespace;
  /**
   * Keep every key in the one object of this name instead of one object per
   * key. Keys can then be listed, but every event of every session queues
   * through that object: for small apps and admin tools only.
   */
  name?: string;
}

/**
 * An unstorage driver over {@link EdgelitSessionStore}, with atomic saves.
 * By default each key gets its own object (`idFromName(key)`): each session's
 * events queue in their own object, near where it was created, and no object
 * carries more than one session. Keys are then not listable, which edgelit
 * does not need on Workers (expiry is the objects' own); `getKeys` throws.
 *
 * @example
 * export default createWorker<Env>({
 *   app,
 *   storage: (env) => createStorage({ driver: durableObjectDriver({ namespace: env.SESSIONS }) }),
 * });
 */
export function durableObjectDriver(
  options: DurableObjectDriverOptions,
): Driver<DurableObjectDriverOptions> & AtomicDriver {
  const { namespace, name } = options;
  const stubFor = (key: string) => namespace.get(namespace.idFromName(name ?? key) as never);
  return {
    name: "edgelit-durable-object",
    options,
    flags: { ttl: true },
    hasItem: async (key) => (await stubFor(key).get(key)) !== null,
    getItem: (key) => stubFor(key).get(key),
    setItem: (key, value, opts) => stubFor(key).set(key, value, opts?.ttl),
    removeItem: (key) => stubFor(key).remove(key),
    getKeys(base) {
      if (name === undefined) {
        throw new Error(
          "durableObjectDriver: keys cannot be listed with one object per key; pass `name` to keep them in one object.",
        );
      }
      return stubFor(base).keys(base);
    },
    compareAndSet: (key, value, expectedVersion, ttlSeconds) =>
      stubFor(key).compareAndSet(key, value, expectedVersion, ttlSeconds),
  };
}
