import { isStoredBytes } from "../session/stored-json.ts";

/**
 * What cached values may be: data superjson carries through the store
 * exactly. Plain objects and arrays, primitives (bigint and undefined too),
 * Date, RegExp, Error, URL, Map, Set, and bytes (typed arrays, ArrayBuffer,
 * DataView, Buffer: see `storedJson`). superjson itself would silently drop
 * a function and flatten a class instance into a plain object, so both are
 * refused here with the path to the offending value.
 */
const DATA_CLASSES = [Date, RegExp, Error, URL, Map, Set];

/** Why `value` is not data, e.g. "its result.client is a Pool instance"; undefined when it is. */
export function describeNonData(value: unknown, where: string): string | undefined {
  const seen = new Set<object>();
  const walk = (current: unknown, path: string): string | undefined => {
    if (typeof current === "function") return `${path} is a function`;
    if (typeof current === "symbol") return `${path} is a symbol`;
    if (current === null || typeof current !== "object" || seen.has(current)) return undefined;
    seen.add(current);
    if (current instanceof Map) {
      let index = 0;
      for (const [key, item] of current) {
        const problem =
          walk(key, `${path}.keys()[${index}]`) ?? walk(item, `${path}.get(${index})`);
        if (problem) return problem;
        index++;
      }
      return undefined;
    }
    if (current instanceof Set)
      return [...current].reduce<string | undefined>(
        (found, item, index) => found ?? walk(item, `${path}[${index}]`),
        undefined,
      );
    if (DATA_CLASSES.some((kept) => current instanceof kept)) return undefined;
    if (isStoredBytes(current)) return undefined;
    const isArray = Array.isArray(current);
    const prototype = Object.getPrototypeOf(current);
    if (!isArray && prototype !== Object.prototype && prototype !== null) {
      return `${path} is ${prototype?.constructor?.name ? `a ${prototype.constructor.name} instance` : "not plain data"}`;
    }
    for (const key of Object.keys(current)) {
      const problem = walk(
        (current as Record<string, unknown>)[key],
        isArray ? `${path}[${key}]` : `${path}.${key}`,
      );
      if (problem) return problem;
    }
    return undefined;
  };
  return walk(value, where);
}

/**
 * A copy of checked data with the keys of every plain object sorted, so
 * `{ a, b }` and `{ b, a }` serialise alike. Maps, Sets and arrays keep their
 * order: it is part of their value. Shared and circular references stay
 * shared, in a copy whose walk order no longer depends on key order.
 */
export function sortedForKey(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== "object") return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(sortedForKey(item, copies));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map<unknown, unknown>();
    copies.set(value, copy);
    for (const [key, item] of value)
      copy.set(sortedForKey(key, copies), sortedForKey(item, copies));
    return copy;
  }
  if (value instanceof Set) {
    const copy = new Set<unknown>();
    copies.set(value, copy);
    for (const item of value) copy.add(sortedForKey(item, copies));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value; // Date, URL, typed arrays...
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const key of Object.keys(value).sort())
    copy[key] = sortedForKey((value as Record<string, unknown>)[key], copies);
  return copy;
}
