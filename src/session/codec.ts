import superjson, { type SuperJSONResult } from "superjson";
import type { SessionRecord } from "./record.ts";

/**
 * Session records travel through the store as superjson's `{ json, meta }`
 * object rather than a string: unstorage JSON-parses string values on read,
 * which would hand `superjson.parse` an object.
 */
export type EncodedRecord = SuperJSONResult;

/**
 * Encodes a record for the store. Most records are plain JSON; those skip
 * superjson's walk (the costliest step of an event) and are stored without
 * `meta`, which superjson reads back as they are. Throws a clear error for
 * values that cannot be kept.
 */
export function encodeRecord(record: SessionRecord): EncodedRecord {
  const shape = classify(record.session, "st.session");
  const plainShape = shape === "plain" ? classify(record.widgets, "a widget value") : shape;
  const widgetsShape = plainShape === "plain" && record.fragments ? classify(record.fragments, "the arguments of a fragment") : plainShape;
  if (typeof widgetsShape === "object") {
    throw new TypeError(
      `${widgetsShape.where} cannot be kept between runs: session values must be data (not functions or class instances other than Date, Map, Set, RegExp, BigInt, Error, URL).`,
    );
  }
  return widgetsShape === "plain" ? { json: record as never } : superjson.serialize(record);
}

/** Why a value cannot be kept in the record (naming where, e.g. `args.when`), or undefined when it can. */
export function unkeepableAt(value: unknown, where: string): string | undefined {
  const shape = classify(value, where);
  return typeof shape === "object" ? shape.where : undefined;
}

/** Decodes a stored record; returns undefined for anything that is not one. */
export function decodeRecord(stored: unknown): SessionRecord | undefined {
  if (!stored || typeof stored !== "object" || !("json" in stored)) return undefined;
  const encoded = stored as SuperJSONResult;
  const record = (encoded.meta ? superjson.deserialize<SessionRecord>(encoded) : encoded.json) as SessionRecord | null;
  if (!record || typeof record.version !== "number" || typeof record.widgets !== "object") return undefined;
  return record;
}

/** JSON keeps it exactly ("plain"), superjson does ("rich"), or nothing can (where). */
type Shape = "plain" | "rich" | { where: string };

const RICH_CLASSES = [Date, Map, Set, RegExp, Error, URL];

function classify(value: unknown, where: string, depth = 0): Shape {
  switch (typeof value) {
    case "string":
    case "boolean":
      return "plain";
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? "plain" : "rich";
    case "bigint":
    case "undefined":
      return "rich";
    case "function":
    case "symbol":
      return { where };
  }
  if (value === null || depth > 64) return "plain";
  const object = value as object;
  if (RICH_CLASSES.some((kept) => object instanceof kept)) {
    if (object instanceof Map) return worst([...object].flatMap(([k, v], i) => [classify(k, `${where}.get(${i})`, depth + 1), classify(v, `${where}.get(${i})`, depth + 1)]), "rich");
    if (object instanceof Set) return worst([...object].map((v, i) => classify(v, `${where}[${i}]`, depth + 1)), "rich");
    return "rich";
  }
  const isArray = Array.isArray(object);
  const prototype = Object.getPrototypeOf(object);
  if (!isArray && prototype !== Object.prototype && prototype !== null) return { where };
  let shape: Shape = "plain";
  for (const key of Object.keys(object)) {
    const child = classify((object as Record<string, unknown>)[key], isArray ? `${where}[${key}]` : `${where}.${key}`, depth + 1);
    if (typeof child === "object") return child;
    if (child === "rich") shape = "rich";
  }
  return shape;
}

function worst(shapes: Shape[], atLeast: Shape): Shape {
  return shapes.find((shape) => typeof shape === "object") ?? atLeast;
}
