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
 * Hashes of recently seen element contents, by kind. Most elements repeat
 * their content run after run, and a Map lookup (native string hashing) costs
 * a fraction of hashing the text in JavaScript; keyed by the props' JSON
 * alone, a lookup needs no joined string. It holds short contents only, not
 * sessions, and is emptied whenever it fills: at most about 8 MB whatever
 * the traffic.
 */
const recentHashes = new Map<string, Map<string, string>>();
let recentHashCount = 0;
const RECENT_HASHES_LIMIT = 4096;
/** Longer contents (a growing stream, a big JSON) are hashed each time rather than kept. */
const RECENT_HASH_MAX_LENGTH = 2048;

/** The hash of an element's kind and props; equal hashes mean nothing to send. */
export function hashElement(kind: string, props: unknown): string {
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
