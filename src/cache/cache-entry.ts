import type { SuperJSONResult } from "superjson";
import type { Storage } from "unstorage";
import { storedJson } from "../session/stored-json.ts";
import { isFrameRef, type FrameRef } from "./cached-frame.ts";

/**
 * One cached result as it sits in the store. The value stays in superjson's
 * `{ json, meta }` form, an object rather than a string, because unstorage
 * JSON-parses strings on read (as for session records). A frame (an Arrow
 * Table) is kept as the ids of its batches in the media store instead.
 */
export type CacheEntry = {
  storedAt: number;
  /** Epoch ms after which the entry is stale; absent: kept until cleared. */
  expiresAt?: number;
} & ({ value: SuperJSONResult; frame?: undefined } | { frame: FrameRef; value?: undefined });

/** The stored entry if it is one and still fresh. */
export function freshEntry(stored: unknown, now: number): CacheEntry | undefined {
  if (!stored || typeof stored !== "object") return undefined;
  const entry = stored as {
    storedAt?: unknown;
    expiresAt?: number;
    value?: unknown;
    frame?: unknown;
  };
  const holdsValue = !!entry.value && typeof entry.value === "object" && "json" in entry.value;
  if (typeof entry.storedAt !== "number" || !(holdsValue || isFrameRef(entry.frame)))
    return undefined;
  if (entry.expiresAt !== undefined && entry.expiresAt <= now) return undefined;
  return entry as CacheEntry;
}

/** Writes an entry that holds a frame: the ids of its stored batches. */
export async function writeFrameEntry(
  storage: Storage,
  key: string,
  frame: FrameRef,
  ttlSeconds: number | undefined,
  keepStale = false,
): Promise<void> {
  await putEntry(storage, key, { storedAt: Date.now(), frame }, ttlSeconds, keepStale);
}

/**
 * Writes an entry. The expiry time inside it is what decides freshness on
 * every driver; the store's own `ttl` (Redis, KV) only frees the space. It is
 * never below 60 s, the shortest Cloudflare KV accepts. `keepStale` (a
 * `refresh: "background"` function, which serves a stale entry while it
 * computes the next) keeps it a day past its expiry.
 */
export async function writeEntry(
  storage: Storage,
  key: string,
  value: unknown,
  ttlSeconds: number | undefined,
  keepStale = false,
): Promise<SuperJSONResult> {
  const serialized = storedJson.serialize(value);
  await putEntry(storage, key, { storedAt: Date.now(), value: serialized }, ttlSeconds, keepStale);
  return serialized;
}

/** How long past its expiry a `refresh: "background"` entry stays in the store, to be served stale. */
const STALE_KEPT_SECONDS = 86_400;

async function putEntry(
  storage: Storage,
  key: string,
  entry: CacheEntry,
  ttlSeconds: number | undefined,
  keepStale: boolean,
): Promise<void> {
  if (ttlSeconds !== undefined) entry.expiresAt = entry.storedAt + ttlSeconds * 1000;
  const storeTtl =
    ttlSeconds === undefined
      ? undefined
      : Math.max(60, Math.ceil(ttlSeconds)) + (keepStale ? STALE_KEPT_SECONDS : 0);
  await storage.setItem(
    key,
    entry as never,
    storeTtl === undefined ? undefined : { ttl: storeTtl },
  );
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
