import superjson, { type SuperJSONResult } from "superjson";
import type { SessionRecord } from "./record.ts";

/**
 * Session records travel through the store as superjson's `{ json, meta }`
 * object rather than a string: unstorage JSON-parses string values on read,
 * which would hand `superjson.parse` an object.
 */
export type EncodedRecord = SuperJSONResult;

/** Encodes a record for the store. Throws a clear error for values that cannot be kept. */
export function encodeRecord(record: SessionRecord): EncodedRecord {
  const unsaveable = findUnsaveable(record.session, "st.session");
  if (unsaveable) {
    throw new TypeError(`${unsaveable} cannot be kept between runs: session values must be data (not functions or class instances other than Date, Map, Set, RegExp, BigInt, Error, URL).`);
  }
  return superjson.serialize(record);
}

/** Decodes a stored record; returns undefined for anything that is not one. */
export function decodeRecord(stored: unknown): SessionRecord | undefined {
  if (!stored || typeof stored !== "object" || !("json" in stored)) return undefined;
  const record = superjson.deserialize<SessionRecord>(stored as SuperJSONResult);
  if (!record || typeof record.version !== "number" || typeof record.widgets !== "object") return undefined;
  return record;
}

const KEPT_CLASSES = [Date, Map, Set, RegExp, Error, URL];

function findUnsaveable(value: unknown, where: string, depth = 0): string | undefined {
  if (depth > 64) return undefined;
  if (typeof value === "function" || typeof value === "symbol") return where;
  if (!value || typeof value !== "object") return undefined;
  if (KEPT_CLASSES.some((kept) => value instanceof kept)) {
    if (value instanceof Map) return findInEntries([...value.entries()].map(([k, v], i) => [`${where}.get(${i})`, v, k]), depth);
    if (value instanceof Set) return findInEntries([...value].map((v, i) => [`${where}[${i}]`, v, undefined]), depth);
    return undefined;
  }
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return where;
  for (const [key, child] of Object.entries(value)) {
    const found = findUnsaveable(child, Array.isArray(value) ? `${where}[${key}]` : `${where}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function findInEntries(entries: [string, unknown, unknown][], depth: number): string | undefined {
  for (const [where, value, key] of entries) {
    const found = findUnsaveable(value, where, depth + 1) ?? findUnsaveable(key, where, depth + 1);
    if (found) return found;
  }
  return undefined;
}
