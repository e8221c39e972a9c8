import type { SuperJSONResult } from "superjson";
import type { SessionRecord } from "./record.ts";
import { isStoredBytes, storedJson } from "./stored-json.ts";

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
  const widgetsShape =
    plainShape === "plain" && record.fragments
      ? classify(record.fragments, "the arguments of a fragment")
      : plainShape;
  if (typeof widgetsShape === "object") {
    throw new TypeError(
      `${widgetsShape.where} cannot be kept between runs: session values must be data (not functions or class instances other than Date, Map, Set, RegExp, BigInt, Error, URL, typed arrays, ArrayBuffer, DataView, Buffer).`,
    );
  }
  return widgetsShape === "plain" ? { json: record as never } : storedJson.serialize(record);
}

/** Why a value cannot be kept in the record (naming where, e.g. `args.when`), or undefined when it can. */
export function unkeepableAt(value: unknown, where: string): string | undefined {
  const shape = classify(value, where);
  return typeof shape === "object" ? shape.where : undefined;
}

/**
 * How a value can be kept: "plain" when JSON keeps it exactly, "rich" when
 * only superjson does (a Date, a Map, bytes, ...), undefined when nothing can.
 */
export function keptShapeOf(value: unknown): "plain" | "rich" | undefined {
  const shape = shapeOf(value, 0);
  return typeof shape === "object" ? undefined : shape;
}

/** Decodes a stored record; returns undefined for anything that is not one. */
export function decodeRecord(stored: unknown): SessionRecord | undefined {
  if (!stored || typeof stored !== "object" || !("json" in stored)) return undefined;
  const encoded = stored as SuperJSONResult;
  const record = (
    encoded.meta ? storedJson.deserialize<SessionRecord>(encoded) : encoded.json
  ) as SessionRecord | null;
  if (!record || typeof record.version !== "number" || typeof record.widgets !== "object")
    return undefined;
  return record;
}

/** JSON keeps it exactly ("plain"), superjson does ("rich"), or nothing can (where). */
type Shape = "plain" | "rich" | { where: string };

function classify(value: unknown, where: string): Shape {
  const shape = shapeOf(value, 0);
  return typeof shape === "object" ? { where: where + shape.below } : shape;
}

/**
 * As classify, naming an unkeepable value by its path below `value` (".a[2]"),
 * built only on the way back up from one: records are checked on every save.
 */
type InnerShape = "plain" | "rich" | { below: string };

const RICH_CLASSES = [Date, Map, Set, RegExp, Error, URL];

function shapeOf(value: unknown, depth: number): InnerShape {
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
      return { below: "" };
  }
  if (value === null || depth > 64) return "plain";
  const object = value as Record<string, unknown>;
  const isArray = Array.isArray(object);
  if (!isArray) {
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null) return richShapeOf(object, depth);
  }
  let shape: InnerShape = "plain";
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const child = shapeOf(object[key], depth + 1);
    if (typeof child === "object")
      return { below: `${isArray ? `[${key}]` : `.${key}`}${child.below}` };
    if (child === "rich") shape = "rich";
  }
  return shape;
}

/** A class instance: superjson keeps a few (a Map or Set as far as its contents allow), and bytes; nothing keeps the rest. */
function richShapeOf(object: object, depth: number): InnerShape {
  if (object instanceof Map) {
    let i = 0;
    for (const [key, value] of object) {
      for (const part of [key, value]) {
        const shape = shapeOf(part, depth + 1);
        if (typeof shape === "object") return { below: `.get(${i})${shape.below}` };
      }
      i++;
    }
    return "rich";
  }
  if (object instanceof Set) {
    let i = 0;
    for (const item of object) {
      const shape = shapeOf(item, depth + 1);
      if (typeof shape === "object") return { below: `[${i}]${shape.below}` };
      i++;
    }
    return "rich";
  }
  return RICH_CLASSES.some((kept) => object instanceof kept) || isStoredBytes(object)
    ? "rich"
    : { below: "" };
}
