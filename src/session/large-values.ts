import type { Storage } from "unstorage";
import { keptShapeOf } from "./codec.ts";
import type { LargeValueRef, SessionRecord } from "./record.ts";
import { storedJson } from "./stored-json.ts";
import type { ValueCache } from "./value-cache.ts";

/**
 * How `st.session` keeps a large value (its JSON {@link LARGE_VALUE_CHARS}
 * characters or more) without every event paying for it. The record holds a
 * placeholder in `session` and a ref in `largeValues`; the value's text lives
 * under a key of its own, {@link valueKey}, whose id is the version of the
 * save that wrote it and the SHA-256 of the text.
 *
 * - **Loaded when read.** `st.session` is synchronous, so the text must be at
 *   hand before the run: each process keeps the texts it saw last, by hash
 *   ({@link ValueCache}), and a load reads from the store only the texts it
 *   lacks (after a restart or a switch of replica). The value is parsed when
 *   the run first reads it: an event that does not touch it never parses it.
 * - **Written only when changed.** A value the run never read is the text it
 *   was loaded with. One it read may have been changed in place
 *   (`rows.push(x)`), so it is serialized again and compared by content; only
 *   a new text is written, under a new id.
 * - **The record stays the one truth.** Values are written before the
 *   record's compare-and-set, under ids of the version being saved, so a save
 *   that loses leaves keys the winning record never names (they expire, or a
 *   sweep removes them). Once a save wins, the keys its loaded record named
 *   and it no longer does are removed; a replica that loaded the older record
 *   and finds its value gone reads the record again. A value that is gone for
 *   the current record loses the session as a whole (as if it had expired),
 *   never a part of it.
 * - **Expiry.** Value keys live twice the session's TTL and are written again
 *   (under the new version's id) once older than the TTL, so a key outlives
 *   the record that names it.
 */
export const LARGE_VALUE_CHARS = 16 * 1024;

/** The prefix of every value key. */
export const VALUE_PREFIX = "edgelit:value";

/** The key a large value is stored under. */
export function valueKey(sessionId: string, id: string): string {
  return `${VALUE_PREFIX}:${sessionId}:${id}`;
}

/**
 * Reads the texts of the record's large values (from `cache`, else the
 * store) and puts each value on `record.session` to be parsed when first
 * read. False when a text is gone from the store.
 */
export async function restoreLargeValues(
  record: SessionRecord,
  sessionId: string,
  storage: Storage,
  cache: ValueCache,
): Promise<boolean> {
  const refs = record.largeValues;
  if (refs === undefined) return true;
  const entries: LoadedValue[] = [];
  let reads: Promise<void>[] | undefined;
  for (const name in refs) {
    const ref = refs[name]!;
    const entry: LoadedValue = { name, ref, hash: hashOf(ref.id), text: "", getter: noGetter };
    entries.push(entry);
    const cached = cache.get(entry.hash);
    if (cached !== undefined) entry.text = cached;
    else
      (reads ??= []).push(
        storage.getItem(valueKey(sessionId, ref.id)).then((stored) => {
          if (typeof stored !== "string" || !isValueText(stored)) return;
          entry.text = stored;
          cache.set(entry.hash, stored);
        }),
      );
  }
  if (reads) await Promise.all(reads);
  if (entries.some((entry) => entry.text === "")) return false;
  attachLazy(record.session as LoadedSession, entries);
  return true;
}

/** The stored form of `record.session`: what to write apart and what to remove once saved. */
export interface StoredSession {
  /** `record.session` with a placeholder for each large value. */
  session: Record<string, unknown>;
  largeValues: Record<string, LargeValueRef> | undefined;
  /** Texts to store before the record. */
  writes: { key: string; hash: string; text: string }[];
  /** Keys the loaded record named and this one does not: removed once the save has won. */
  dropped: string[];
}

/**
 * Splits `record.session` for a save as version `version`: small values stay
 * in the record, large ones become refs, new texts are to be written. Without
 * `keepApart` every value stays in the record: a store that is only eventually
 * consistent (Cloudflare KV) could show a replica the record before the key it
 * names, and a value it cannot find loses the session.
 */
export async function storeSession(
  record: SessionRecord,
  sessionId: string,
  version: number,
  now: number,
  ttlMs: number,
  keepApart = true,
): Promise<StoredSession> {
  const minChars = keepApart ? LARGE_VALUE_CHARS : Infinity;
  const session = record.session as LoadedSession;
  const loaded = session[LOADED];
  const stored: Record<string, unknown> = {};
  let refs: Record<string, LargeValueRef> | undefined;
  const writes: StoredSession["writes"] = [];
  const writtenByHash = new Map<string, LargeValueRef>();
  const keep = (hash: string, text: string, ref: LargeValueRef | undefined): LargeValueRef => {
    if (ref !== undefined && now - ref.at <= ttlMs) return ref;
    const known = writtenByHash.get(hash);
    if (known !== undefined) return known;
    const fresh: LargeValueRef = { id: `${version}-${hash}`, at: now };
    writtenByHash.set(hash, fresh);
    writes.push({ key: valueKey(sessionId, fresh.id), hash, text });
    return fresh;
  };
  for (const name of Object.keys(session)) {
    const prior = loaded?.get(name);
    let ref: LargeValueRef;
    if (prior !== undefined && keepApart && isUntouched(session, prior)) {
      // Never read in this event, so never changed: its text is the one loaded.
      ref = keep(prior.hash, prior.text, prior.ref);
    } else {
      const value = session[name];
      const text = largeTextOf(value, minChars);
      if (text === undefined) {
        stored[name] = value;
        continue;
      }
      // Read, and maybe changed in place: compared by content.
      const same = prior !== undefined && prior.text === text ? prior : undefined;
      const hash = same?.hash ?? (await contentHash(text));
      ref = keep(hash, text, (same ?? loadedWithHash(loaded, hash))?.ref);
    }
    stored[name] = 0;
    (refs ??= {})[name] = ref;
  }
  const dropped: string[] = [];
  if (loaded !== undefined) {
    const kept = new Set<string>();
    for (const name in refs) kept.add(refs[name]!.id);
    for (const entry of loaded.values())
      if (!kept.has(entry.ref.id)) dropped.push(valueKey(sessionId, entry.ref.id));
  }
  return { session: stored, largeValues: refs, writes, dropped: [...new Set(dropped)] };
}

/**
 * A copy of a record whose large values the run has not read stay unread in
 * the copy (sharing their text): `structuredClone` would parse them all.
 */
export function cloneRecord(record: SessionRecord): SessionRecord {
  const session = record.session as LoadedSession;
  const loaded = session[LOADED];
  if (loaded === undefined) return structuredClone(record);
  const inline: Record<string, unknown> = {};
  const lazy: LoadedValue[] = [];
  for (const name of Object.keys(session)) {
    const prior = loaded.get(name);
    if (prior !== undefined && isUntouched(session, prior))
      lazy.push({ name, ref: prior.ref, hash: prior.hash, text: prior.text, getter: noGetter });
    else inline[name] = session[name];
  }
  record.session = inline;
  let copy: SessionRecord;
  try {
    copy = structuredClone(record);
  } finally {
    record.session = session;
  }
  // In the original order: placeholders first, then each lazy value over its own.
  const copied: Record<string, unknown> = {};
  for (const name of Object.keys(session)) copied[name] = copy.session[name];
  copy.session = copied;
  attachLazy(copied as LoadedSession, lazy);
  return copy;
}

/** The keys of the large values a stored record names. */
export function valueKeysOf(record: SessionRecord, sessionId: string): string[] {
  const keys: string[] = [];
  for (const name in record.largeValues)
    keys.push(valueKey(sessionId, record.largeValues[name]!.id));
  return keys;
}

/** The text a large value is stored as; undefined for a value kept in the record (its JSON under `minChars`). */
export function largeTextOf(value: unknown, minChars = LARGE_VALUE_CHARS): string | undefined {
  if (typeof value === "string")
    return value.length < minChars ? undefined : "j" + JSON.stringify(value);
  if (typeof value !== "object" || value === null || minChars === Infinity) return undefined;
  const shape = keptShapeOf(value);
  // A value nothing can keep stays in the record, whose codec names where it fails.
  if (shape === undefined) return undefined;
  const text = shape === "plain" ? "j" + JSON.stringify(value) : "s" + storedJson.stringify(value);
  return text.length < minChars ? undefined : text;
}

// --- Internal helpers ---

interface LoadedValue {
  name: string;
  ref: LargeValueRef;
  hash: string;
  text: string;
  /** The accessor that parses the value when first read: still in place, the value was not read. */
  getter: () => unknown;
}

/** Where `record.session` notes the large values it was loaded with (a symbol: not stored, not listed). */
const LOADED = Symbol("edgelit.largeValues");

type LoadedSession = Record<string, unknown> & { [LOADED]?: Map<string, LoadedValue> };

const noGetter = () => undefined;

function attachLazy(session: LoadedSession, entries: LoadedValue[]): void {
  const loaded = new Map<string, LoadedValue>();
  for (const entry of entries) {
    const define = (value: unknown) => {
      Object.defineProperty(session, entry.name, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    };
    entry.getter = () => {
      const value = parseText(entry.text);
      define(value);
      return value;
    };
    // Over the record's placeholder, so the names keep their order.
    Object.defineProperty(session, entry.name, {
      get: entry.getter,
      set: define,
      enumerable: true,
      configurable: true,
    });
    loaded.set(entry.name, entry);
  }
  Object.defineProperty(session, LOADED, { value: loaded, configurable: true, writable: true });
}

function isUntouched(session: LoadedSession, entry: LoadedValue): boolean {
  return Object.getOwnPropertyDescriptor(session, entry.name)?.get === entry.getter;
}

function loadedWithHash(
  loaded: Map<string, LoadedValue> | undefined,
  hash: string,
): LoadedValue | undefined {
  if (loaded === undefined) return undefined;
  for (const entry of loaded.values()) if (entry.hash === hash) return entry;
  return undefined;
}

/** `j` + JSON for plain data, `s` + superjson's JSON for the rest: never mistaken for JSON by a store's client. */
function isValueText(text: string): boolean {
  return text[0] === "j" || text[0] === "s";
}

function parseText(text: string): unknown {
  return text[0] === "j" ? JSON.parse(text.slice(1)) : storedJson.parse(text.slice(1));
}

function hashOf(id: string): string {
  return id.slice(id.indexOf("-") + 1);
}

/** The first 128 bits of the text's SHA-256, in hex. */
async function contentHash(text: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
  );
  let hex = "";
  for (let i = 0; i < 16; i++) hex += digest[i]!.toString(16).padStart(2, "0");
  return hex;
}
