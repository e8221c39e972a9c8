import { hashString } from "../protocol/hash.ts";
import { storedJson } from "../session/stored-json.ts";
import { describeNonData, sortedForKey } from "./cache-value.ts";

/** Every `cacheData` entry lives under this prefix; sessions are under `edgelit:session`. */
export const CACHE_PREFIX = "edgelit:cache";

/**
 * A cached function's identity when no `name` is given: its name and a hash
 * of its source, so editing the function starts a fresh cache, while every
 * replica running the same code agrees on it.
 */
export function defaultCacheName(fn: (...args: never[]) => unknown): string {
  return `${fn.name || "anonymous"}@${hashString(fn.toString())}`;
}

/**
 * The prefix of one function's entries: readable in `redis-cli`, and what
 * `.clear()` empties. The hash tells apart names that slug alike.
 */
export function functionPrefix(label: string, name: string): string {
  const slug = label.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40) || "anonymous";
  return `${CACHE_PREFIX}:${slug}-${hashString(name)}`;
}

/**
 * The arguments as one canonical string: superjson keeps Date, Map, Set and
 * BigInt apart from look-alike strings, and plain objects are key-sorted so
 * `{ a, b }` and `{ b, a }` are the same call. Throws for arguments that are
 * not data (functions, class instances), which could not be told apart.
 */
export function argumentsKey(args: readonly unknown[], what: string): string {
  for (const [index, arg] of args.entries()) {
    const problem = describeNonData(arg, `argument ${index + 1}`);
    if (problem) {
      throw new TypeError(
        `${what} cannot be cached by its arguments: ${problem}. Pass data (plain objects, arrays, Date, Map, Set, ...), or create the object inside the function.`,
      );
    }
  }
  return JSON.stringify(storedJson.serialize(sortedForKey(args)));
}

/**
 * The store key of one call: SHA-256 of the function's name and arguments
 * (Web Crypto, present on Node and Workers), so keys are short and safe for
 * every driver whatever the arguments hold.
 */
export async function entryKey(prefix: string, name: string, argsKey: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(`${name}\u0000${argsKey}`),
  );
  const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join(
    "",
  );
  return `${prefix}:${hex}`;
}
