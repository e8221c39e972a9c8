import type { Storage } from "unstorage";
import { decodeRecord, encodeRecord } from "./codec.ts";
import { conditionalWriteFor, type SaveGuarantee } from "./conditional-write.ts";
import type { SessionRecord } from "./record.ts";
import { createSessionLock } from "./session-lock.ts";
import { restoreLargeValues, storeSession, VALUE_PREFIX, valueKeysOf } from "./large-values.ts";
import { restoreTree, storeTree, treeKey } from "./stored-tree.ts";
import { processTreeMemo, type TreeMemo } from "./tree-memo.ts";
import { processValueCache, type ValueCache } from "./value-cache.ts";

/** Options of {@link createSessionStore}. */
export interface SessionStoreOptions {
  /** Idle time after which a session is forgotten, in seconds. Default: 3600. */
  ttlSeconds?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** The element trees held between events; default: the process's (a test gives each replica its own). */
  treeMemo?: TreeMemo;
  /** The texts of large `st.session` values held between events; default: the process's (a test gives each replica its own). */
  valueCache?: ValueCache;
}

/** Loads and saves session records in any unstorage instance. */
export interface SessionStore {
  /** The record, or undefined when it never existed or has expired. */
  load(sessionId: string): Promise<SessionRecord | undefined>;
  /**
   * Saves a record whose version was `expectedVersion` when loaded, as version
   * + 1, unless another writer saved the session in between: then it resolves
   * undefined and stores nothing. How strictly that holds across processes
   * depends on the store: see {@link SessionStore.guarantee}.
   */
  save(
    sessionId: string,
    record: SessionRecord,
    expectedVersion: number,
  ): Promise<SessionRecord | undefined>;
  /** atomic (Redis), checked (a read before the write), single-process (memory) or last-writer-wins (KV). */
  readonly guarantee: SaveGuarantee;
  /** Runs `work` with no other event of the same session running in this process. */
  exclusive<T>(sessionId: string, work: () => Promise<T>): Promise<T>;
  /** Deletes records idle past the TTL, for stores that cannot expire keys themselves (fs). */
  sweepExpired(): Promise<number>;
  readonly ttlSeconds: number;
}

const PREFIX = "edgelit:session";

/** The key a session's record is stored under. */
export function sessionKey(sessionId: string): string {
  return `${PREFIX}:${sessionId}`;
}

/**
 * Creates the session store over an unstorage instance.
 *
 * @example
 * const sessions = createSessionStore(createStorage({ driver: fsDriver({ base: ".edgelit" }) }));
 */
export function createSessionStore(
  storage: Storage,
  options: SessionStoreOptions = {},
): SessionStore {
  const ttlSeconds = options.ttlSeconds ?? 3600;
  const now = options.now ?? Date.now;
  const keyOf = sessionKey;
  const isExpired = (record: SessionRecord) => now() - record.touchedAt > ttlSeconds * 1000;
  const conditional = conditionalWriteFor(storage, PREFIX);
  const treeMemo = options.treeMemo ?? processTreeMemo;
  const valueCache = options.valueCache ?? processValueCache;
  const removeAll = (keys: string[]) => Promise.all(keys.map((key) => storage.removeItem(key)));
  // Value keys no live record named at the last sweep (see sweepExpired).
  let unnamedValues = new Set<string>();

  return {
    ttlSeconds,
    guarantee: conditional.guarantee,
    exclusive: createSessionLock(),
    async load(sessionId) {
      let lastVersion: number | undefined;
      // A value gone means a newer save replaced it (read the record again), or it is lost.
      for (let attempt = 0; attempt < 3; attempt++) {
        const record = decodeRecord(await storage.getItem(keyOf(sessionId)));
        if (!record || record.version === lastVersion) return undefined;
        if (isExpired(record)) {
          await storage.removeItem(keyOf(sessionId));
          await storage.removeItem(treeKey(sessionId));
          await removeAll(valueKeysOf(record, sessionId));
          return undefined;
        }
        lastVersion = record.version;
        if (!(await restoreLargeValues(record, sessionId, storage, valueCache))) continue;
        await restoreTree(record, sessionId, storage, treeMemo);
        return record;
      }
      return undefined;
    },
    async save(sessionId, record, expectedVersion) {
      const touchedAt = now();
      const session = await storeSession(
        record,
        sessionId,
        expectedVersion + 1,
        touchedAt,
        ttlSeconds * 1000,
        conditional.guarantee !== "last-writer-wins",
      );
      const stored = storeTree(record, treeMemo, touchedAt, ttlSeconds * 1000);
      // Object.assign, not a spread: on Node 20 it copies a record several times faster.
      const saved: SessionRecord = Object.assign({}, record, {
        version: expectedVersion + 1,
        touchedAt,
        tree: undefined as never,
        treeBase: stored.treeBase,
        treePatch: stored.treePatch,
        treeBaseAt: stored.treeBaseAt,
        session: session.session,
        largeValues: session.largeValues,
      });
      // The values first: a record never names a value the store lacks. Their ids carry the
      // version being saved, so the record that wins names none a losing save wrote.
      if (session.writes.length > 0)
        await Promise.all(
          session.writes.map(({ key, hash, text }) => {
            valueCache.set(hash, text);
            return storage.setItem(key, text, { ttl: 2 * ttlSeconds });
          }),
        );
      // Drivers with native expiry (Redis, KV) drop idle sessions by themselves;
      // the others are checked on load and swept.
      const written = await conditional.write(
        keyOf(sessionId),
        encodeRecord(saved),
        expectedVersion,
        ttlSeconds,
      );
      if (!written) return undefined;
      // After the save: a base written by a save that lost would not match its record anyway.
      if (stored.newBase)
        await storage.setItem(treeKey(sessionId), stored.newBase as never, { ttl: ttlSeconds });
      // A key left behind expires with its TTL, or a sweep removes it: the save has won already.
      if (session.dropped.length > 0) await removeAll(session.dropped).catch(() => undefined);
      saved.tree = record.tree;
      saved.session = record.session;
      return saved;
    },
    async sweepExpired() {
      let removed = 0;
      for (const key of await storage.getKeys(PREFIX)) {
        const record = decodeRecord(await storage.getItem(key));
        if (!record || isExpired(record)) {
          const sessionId = key.slice(PREFIX.length + 1);
          await storage.removeItem(key);
          await storage.removeItem(treeKey(sessionId));
          if (record) await removeAll(valueKeysOf(record, sessionId));
          removed++;
        }
      }
      // A value no live record names (its save lost or failed, its session expired) is removed
      // once two sweeps in a row found it so: a save between writing its values and its record
      // (in another thread or process) is left alone.
      const named = new Map<string, Set<string>>();
      const unnamed = new Set<string>();
      for (const key of await storage.getKeys(VALUE_PREFIX)) {
        const sessionId = key.slice(VALUE_PREFIX.length + 1).split(":")[0]!;
        let keys = named.get(sessionId);
        if (keys === undefined) {
          const record = decodeRecord(await storage.getItem(keyOf(sessionId)));
          keys = new Set(record && !isExpired(record) ? valueKeysOf(record, sessionId) : []);
          named.set(sessionId, keys);
        }
        if (keys.has(key)) continue;
        if (!unnamedValues.has(key)) unnamed.add(key);
        else await storage.removeItem(key);
      }
      unnamedValues = unnamed;
      return removed;
    },
  };
}

/**
 * Whether the store drops expired keys by itself (Redis, Upstash, Cloudflare
 * KV and Durable Objects set a TTL on each save), so a periodic sweep, which
 * reads every key, would only load it.
 *
 * @example
 * if (!expiresKeysItself(storage)) setInterval(() => sessions.sweepExpired(), 600_000);
 */
export function expiresKeysItself(storage: Storage): boolean {
  const { driver } = storage.getMount(PREFIX) as { driver: { name?: string } };
  const name = driver.name ?? "";
  return name === "redis" || name === "upstash" || name.startsWith("cloudflare");
}
