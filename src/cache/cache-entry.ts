import type { SuperJSONResult } from "superjson";
import type { Storage } from "unstorage";
import { storedJson } from "../session/stored-json.ts";

/**
 * One cached result as it sits in the store. The value stays in superjson's
 * `{ json, meta }` form, an object rather than a string, because unstorage
 * JSON-parses strings on read (as for session records).
 */
export interface CacheEntry {
  storedAt: number;
  /** Epoch ms after which the entry is stale; absent: kept until cleared. */
  expiresAt?: number;
  value: SuperJSONResult;
}

/** The stored entry if it is one and still fresh. */
export function freshEntry(stored: unknown, now: number): CacheEntry | undefined {
  if (!stored || typeof stored !== "object") return undefined;
  const entry = stored as Partial<CacheEntry>;
  if (
    typeof entry.storedAt !== "number" ||
    !entry.value ||
    typeof entry.value !== "object" ||
    !("json" in entry.value)
  )
    return undefined;
  if (entry.expiresAt !== undefined && entry.expiresAt <= now) return undefined;
  return entry as CacheEntry;
}

/**
 * Writes an entry. The expiry time inside it is what decides freshness on
 * every driver; the store's own `ttl` (Redis, KV) only frees the space. It is
 * never below 60 s, the shortest Cloudflare KV accepts.
 */
export async function writeEntry(
  storage: Storage,
  key: string,
  value: unknown,
  ttlSeconds: number | undefined,
): Promise<SuperJSONResult> {
  const storedAt = Date.now();
  const entry: CacheEntry = { storedAt, value: storedJson.serialize(value) };
  if (ttlSeconds !== undefined) entry.expiresAt = storedAt + ttlSeconds * 1000;
  await storage.setItem(
    key,
    entry as never,
    ttlSeconds === undefined ? undefined : { ttl: Math.max(60, Math.ceil(ttlSeconds)) },
  );
  return entry.value;
}

/**
 * Keeps at most `maxEntries` entries under `prefix`, dropping the oldest.
 * Replicas writing at once may briefly leave a few more; the bound is
 * approximate, as any count kept in a shared store without a lock is.
 */
export async function evictOldest(
  storage: Storage,
  prefix: string,
  maxEntries: number,
): Promise<void> {
  const keys = await storage.getKeys(prefix);
  if (keys.length <= maxEntries) return;
  const entries = await storage.getItems(keys);
  const age = (stored: unknown) => freshEntry(stored, -Infinity)?.storedAt ?? 0;
  const oldest = entries
    .sort((a, b) => age(a.value) - age(b.value))
    .slice(0, keys.length - maxEntries);
  await Promise.all(oldest.map(({ key }) => storage.removeItem(key)));
}

/** Removes every key under `prefix`; resolves to how many. */
export async function removeAll(storage: Storage, prefix: string): Promise<number> {
  const keys = await storage.getKeys(prefix);
  // Not storage.clear(prefix): the memory driver's clear ignores the prefix and would drop sessions too.
  await Promise.all(keys.map((key) => storage.removeItem(key)));
  return keys.length;
}
