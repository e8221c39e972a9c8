import type { ChartSelectionParam, DataColumn, JsonValue } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";

/** A Vega-Lite spec as JSON: what the page compiles and draws. */
export type VegaLiteSpec = { [key: string]: JsonValue };

/** The keys one of which a Vega-Lite spec holds to draw anything: a mark, or views composed. */
const VIEW_KEYS = ["mark", "layer", "hconcat", "vconcat", "concat", "facet", "repeat", "spec"];
/** Keys that hold the sub-views of a composed spec. */
const CHILD_KEYS = ["layer", "hconcat", "vconcat", "concat"];
const MAX_DEPTH = 64;
const TYPES = ["quantitative", "temporal", "ordinal", "nominal", "geojson"];

/**
 * True when `value` reads as a Vega-Lite spec rather than data: a plain
 * object with a view key (`mark`, `layer`, ...) or a `$schema`.
 * @example looksLikeSpec({ mark: "bar" }) // true
 */
export function looksLikeSpec(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  return "$schema" in value || VIEW_KEYS.some((key) => key in value);
}

/**
 * The spec as plain JSON (a copy: the app's object is never changed), or an
 * EdgelitApiError naming what is wrong and where: not an object, no view, a
 * value JSON cannot carry (a function, NaN, a cycle).
 * @example const spec = checkedSpec("st.vegaLiteChart", { mark: "point" });
 */
export function checkedSpec(method: string, spec: unknown): VegaLiteSpec {
  if (!isPlainObject(spec))
    throw new EdgelitApiError(
      `${method}: the spec must be a Vega-Lite spec object; got ${kindOf(spec)}.`,
    );
  if (!VIEW_KEYS.some((key) => key in spec))
    throw new EdgelitApiError(
      `${method}: the spec draws nothing: it has none of ${VIEW_KEYS.map((key) => `"${key}"`).join(", ")}.`,
    );
  return toJson(method, spec, "spec", new Set(), 0) as VegaLiteSpec;
}

/**
 * The selection parameters the spec defines (`params` entries with `select`), at any level.
 * @example selectionParams({ mark: "point", params: [{ name: "pick", select: "point" }] })
 */
export function selectionParams(spec: VegaLiteSpec): ChartSelectionParam[] {
  const found: ChartSelectionParam[] = [];
  const visit = (view: unknown, depth: number) => {
    if (!isPlainObject(view) || depth > MAX_DEPTH) return;
    if (Array.isArray(view.params))
      for (const param of view.params) {
        if (!isPlainObject(param) || typeof param.name !== "string") continue;
        const type = selectType(param.select);
        if (type && !found.some((known) => known.name === param.name))
          found.push({ name: param.name, type });
      }
    for (const key of CHILD_KEYS)
      if (Array.isArray(view[key])) for (const child of view[key]) visit(child, depth + 1);
    visit(view.spec, depth + 1);
  };
  visit(spec, 0);
  return found;
}

/**
 * Checks the fields the spec's encodings name against the data's columns:
 * a field that is no column, or a quantitative channel on text, is an error
 * naming both. Views that derive fields (a transform) or take their own data
 * are not checked.
 * @example checkEncodedFields("st.vegaLiteChart", spec, [{ name: "city", type: "string" }]);
 */
export function checkEncodedFields(
  method: string,
  spec: VegaLiteSpec,
  columns: DataColumn[],
): void {
  const visit = (view: unknown, depth: number, derived: boolean) => {
    if (!isPlainObject(view) || depth > MAX_DEPTH) return;
    const own = derived || "transform" in view || "data" in view || "repeat" in view;
    if (!own && isPlainObject(view.encoding))
      for (const [channel, definition] of Object.entries(view.encoding))
        checkChannel(method, channel, definition, columns);
    for (const key of CHILD_KEYS)
      if (Array.isArray(view[key])) for (const child of view[key]) visit(child, depth + 1, own);
  };
  visit(spec, 0, "transform" in spec || "repeat" in spec);
}

// --- Internal helpers ---

function checkChannel(
  method: string,
  channel: string,
  definition: unknown,
  columns: DataColumn[],
): void {
  if (!isPlainObject(definition)) return;
  if (definition.type !== undefined && !TYPES.includes(definition.type as string))
    throw new EdgelitApiError(
      `${method}: the "${channel}" encoding has type ${JSON.stringify(definition.type)}; ` +
        `a type is one of ${TYPES.map((type) => `"${type}"`).join(", ")}.`,
    );
  if (typeof definition.field !== "string") return;
  if ("aggregate" in definition && definition.aggregate === "count") return;
  const field = definition.field;
  // A nested or escaped field path ("a.b", "a\\.b") is Vega-Lite's to resolve.
  if (/[.[\]\\]/.test(field)) return;
  const column = columns.find((candidate) => candidate.name === field);
  if (!column)
    throw new EdgelitApiError(
      `${method}: the "${channel}" encoding names field "${field}", which is not a column of the data ` +
        `(its columns: ${columns.map((known) => `"${known.name}"`).join(", ")}).`,
    );
  if (definition.type === "quantitative" && !["number", "integer", "null"].includes(column.type))
    throw new EdgelitApiError(
      `${method}: the "${channel}" encoding is quantitative, but column "${field}" holds ${column.type} values, not numbers.`,
    );
}

function selectType(select: unknown): ChartSelectionParam["type"] | undefined {
  const type = isPlainObject(select) ? select.type : select;
  return type === "point" || type === "interval" ? type : undefined;
}

function toJson(
  method: string,
  value: unknown,
  path: string,
  seen: Set<object>,
  depth: number,
): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw new EdgelitApiError(`${method}: ${path} is ${value}, which JSON cannot carry.`);
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== "object" || depth > MAX_DEPTH * 4)
    throw new EdgelitApiError(
      `${method}: ${path} is ${kindOf(value)}; a spec holds only JSON values.`,
    );
  if (seen.has(value)) throw new EdgelitApiError(`${method}: ${path} refers back to itself.`);
  seen.add(value);
  let copy: JsonValue;
  if (Array.isArray(value))
    copy = value.map((item, index) => toJson(method, item, `${path}[${index}]`, seen, depth + 1));
  else {
    const object: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value))
      if (item !== undefined) object[key] = toJson(method, item, `${path}.${key}`, seen, depth + 1);
    copy = object;
  }
  seen.delete(value);
  return copy;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "function") return "a function";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no prototype"})`;
  return `a ${typeof value}`;
}
