/**
 * A fast 53-bit string hash (cyrb53). Element hashes only need to tell "same
 * content" from "changed content" between two runs of one session, so a
 * non-cryptographic hash with 2^53 values is plenty and costs microseconds.
 */
export function hashString(input: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The props of recently hashed elements whose values are all strings,
 * numbers, booleans or null (most elements), by hash, as [kind, name, value,
 * name, value, ...]: when an element's previous hash names such props and
 * its new props equal them value for value, the hash is the same, found with
 * no JSON made and no long string hashed. Emptied whenever it fills.
 */
const flatPropsOfHash = new Map<string, unknown[]>();
const FLAT_PROPS_LIMIT = 4096;
/** Long strings are left to the JSON path (comparing them costs what hashing does). */
const FLAT_STRING_MAX_LENGTH = 1024;

/**
 * The hash of an element's kind and props; equal hashes mean nothing to send.
 * `previous`, the hash the client holds at the element's place, makes the
 * common case (nothing changed) cheap.
 */
export function hashElement(kind: string, props: unknown, previous?: string): string {
  if (previous !== undefined) {
    const flat = flatPropsOfHash.get(previous);
    if (flat !== undefined && equalsFlatProps(flat, kind, props)) return previous;
  }
  const hash = jsonHash(kind, props);
  if (!flatPropsOfHash.has(hash)) {
    const flat = flatProps(kind, props);
    if (flat !== undefined) {
      if (flatPropsOfHash.size >= FLAT_PROPS_LIMIT) flatPropsOfHash.clear();
      flatPropsOfHash.set(hash, flat);
    }
  }
  return hash;
}

/** [kind, name, value, ...] in JSON's order, skipping undefined as JSON does; undefined unless every value is a short primitive. */
function flatProps(kind: string, props: unknown): unknown[] | undefined {
  if (
    props === null ||
    typeof props !== "object" ||
    Object.getPrototypeOf(props) !== Object.prototype
  )
    return undefined;
  const flat: unknown[] = [kind];
  for (const name in props) {
    const value = (props as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (!isFlatValue(value)) return undefined;
    flat.push(name, value);
  }
  return flat;
}

function isFlatValue(value: unknown): boolean {
  switch (typeof value) {
    case "string":
      return value.length <= FLAT_STRING_MAX_LENGTH;
    case "number":
      return Number.isFinite(value);
    case "boolean":
      return true;
    default:
      return value === null;
  }
}

/** True when `props` has exactly the names and values of `flat`, in its order: then its JSON is the same. */
function equalsFlatProps(flat: unknown[], kind: string, props: unknown): boolean {
  if (
    flat[0] !== kind ||
    props === null ||
    typeof props !== "object" ||
    Object.getPrototypeOf(props) !== Object.prototype
  )
    return false;
  let at = 1;
  for (const name in props) {
    const value = (props as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (flat[at] !== name || flat[at + 1] !== value) return false;
    at += 2;
  }
  return at === flat.length;
}

/**
 * Hashes of recently seen element JSON, by kind: a Map lookup (native string
 * hashing) costs a fraction of hashing the text in JavaScript. It holds short
 * contents only, not sessions, and is emptied whenever it fills: at most
 * about 8 MB whatever the traffic.
 */
const recentHashes = new Map<string, Map<string, string>>();
let recentHashCount = 0;
const RECENT_HASHES_LIMIT = 4096;
/** Longer contents (a growing stream, a big JSON) are hashed each time rather than kept. */
const RECENT_HASH_MAX_LENGTH = 2048;

function jsonHash(kind: string, props: unknown): string {
  const json = JSON.stringify(props);
  if (json.length > RECENT_HASH_MAX_LENGTH) return `${kind}:${hashString(kind + json)}`;
  let ofKind = recentHashes.get(kind);
  if (ofKind === undefined) recentHashes.set(kind, (ofKind = new Map()));
  let hash = ofKind.get(json);
  if (hash === undefined) {
    if (recentHashCount >= RECENT_HASHES_LIMIT) {
      for (const hashes of recentHashes.values()) hashes.clear();
      recentHashCount = 0;
    }
    hash = `${kind}:${hashString(kind + json)}`;
    ofKind.set(json, hash);
    recentHashCount++;
  }
  return hash;
}
