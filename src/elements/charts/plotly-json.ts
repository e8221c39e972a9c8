import type { ChartSize, JsonValue } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";

/**
 * Checks and copies a chart's object (a Plotly figure, an ECharts option) as
 * the JSON the page receives. Dates become ISO text, typed arrays plain
 * arrays, NaN and ±Infinity null (a gap, as Plotly and ECharts draw it).
 * Anything JSON cannot carry (a function, a symbol, a BigInt, a class
 * instance, a cycle) is an error naming where it is.
 * @example toChartJson({ data: [{ y: [1, 2] }] }, "st.plotlyChart", "figure")
 */
export function toChartJson(value: unknown, method: string, path: string): JsonValue {
  return copy(value, method, path, new Set());
}

/** A chart's object: a plain object, checked as JSON. */
export function toChartObject(
  value: unknown,
  method: string,
  name: string,
): { [key: string]: JsonValue } {
  if (!isPlainObject(value))
    throw new EdgelitApiError(`${method}: the ${name} must be an object; got ${typeName(value)}.`);
  return toChartJson(value, method, name) as { [key: string]: JsonValue };
}

/** Options every chart of this family takes for its size. */
export interface ChartSizeOptions {
  /** Height in pixels; default: the library's own (Plotly 450, others 400). */
  height?: number;
  /** Width in pixels; ignored while `useContainerWidth` is true (the default). */
  width?: number;
  /** Fill the container's width and follow it as it resizes (default true). */
  useContainerWidth?: boolean;
}

/** The size props of a chart from its options. */
export function chartSize(options: ChartSizeOptions, method: string): ChartSize {
  const size: ChartSize = {};
  if (options.height !== undefined) size.height = pixels(options.height, "height", method);
  if (options.width !== undefined && options.useContainerWidth === false)
    size.width = pixels(options.width, "width", method);
  return size;
}

/** A theme option: "streamlit" (the default) follows the page's theme; null keeps the library's look. */
export function chartTheme(theme: unknown, method: string): "streamlit" | null {
  if (theme === undefined || theme === "streamlit") return "streamlit";
  if (theme === null) return null;
  throw new EdgelitApiError(
    `${method}: theme must be "streamlit" or null; got ${typeName(theme)}.`,
  );
}

// --- Internal helpers ---

function copy(value: unknown, method: string, path: string, seen: Set<object>): JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new EdgelitApiError(`${method}: ${path} is an invalid Date.`);
    return value.toISOString();
  }
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number | bigint>, (item) =>
      typeof item === "bigint" ? Number(item) : Number.isFinite(item) ? item : null,
    );
  if (typeof value !== "object")
    throw new EdgelitApiError(
      `${method}: ${path} is ${typeName(value)}, which cannot be sent to the page as JSON.`,
    );
  if (seen.has(value))
    throw new EdgelitApiError(
      `${method}: ${path} refers back to itself; JSON cannot hold a cycle.`,
    );
  seen.add(value);
  try {
    if (Array.isArray(value))
      return value.map((item, index) => copy(item, method, `${path}[${index}]`, seen));
    if (!isPlainObject(value))
      throw new EdgelitApiError(
        `${method}: ${path} is ${typeName(value)}, which cannot be sent to the page as JSON.`,
      );
    const result: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      result[key] = copy(
        item,
        method,
        /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`,
        seen,
      );
    }
    return result;
  } finally {
    seen.delete(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "function") return `a function (${value.name || "anonymous"})`;
  if (typeof value === "bigint") return `a BigInt (${value}n)`;
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "object")
    return Array.isArray(value)
      ? "an array"
      : `an instance of ${value.constructor?.name ?? "a class"}`;
  return `${typeof value === "undefined" ? "undefined" : `a ${typeof value}`}`;
}

function pixels(value: unknown, option: string, method: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0)
    throw new EdgelitApiError(
      `${method}: ${option} must be a positive number of pixels; got ${String(value)}.`,
    );
  return Math.round(value);
}
