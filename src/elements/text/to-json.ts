import type { JsonValue } from "../../protocol/index.ts";

/**
 * Turns any data into JSON for display: Map becomes an object, Set an array,
 * Date an ISO string, BigInt a string; cycles and functions are marked.
 */
export function toJsonValue(value: unknown, seen = new Set<object>()): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return `[function ${value.name || "anonymous"}]`;
  if (typeof value === "symbol") return value.toString();
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (seen.has(value as object)) return "[circular]";
  seen.add(value as object);
  try {
    if (Array.isArray(value)) return value.map((item) => toJsonValue(item, seen));
    if (value instanceof Set) return [...value].map((item) => toJsonValue(item, seen));
    if (value instanceof Map) {
      return Object.fromEntries(
        [...value].map(([key, item]) => [String(key), toJsonValue(item, seen)]),
      );
    }
    return Object.fromEntries(
      Object.entries(value as object).map(([key, item]) => [key, toJsonValue(item, seen)]),
    );
  } finally {
    seen.delete(value as object);
  }
}
