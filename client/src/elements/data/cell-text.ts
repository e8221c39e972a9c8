import type { DataColumn } from "../../../../src/protocol/index.ts";
import { formatNumber } from "../../../../src/protocol/number-format.ts";
import { formatCell } from "./format-cell.ts";
import { formatDateTokens } from "./format-date.ts";

const DEFAULT_DATE_FORMATS: Record<string, string> = {
  date: "YYYY-MM-DD",
  time: "HH:mm:ss",
  datetime: "YYYY-MM-DD HH:mm:ss",
};

/**
 * A cell's text as its column's configuration shows it: numbers in their
 * format, dates in theirs, lists joined, JSON as JSON; a link's display text.
 * The search looks in this text.
 * @example cellText(3.5, { name: "price", type: "number", display: { type: "number", format: "$%.2f" } }) // "$3.50"
 */
export function cellText(value: unknown, column: DataColumn): string {
  const display = column.display;
  if (value === null || value === undefined || !display) return formatCell(value, column.type);
  const numeric = typeof value === "number" || typeof value === "bigint";
  switch (display.type) {
    case "number":
    case "progress":
      return numeric && display.format
        ? formatNumber(value, display.format)
        : formatCell(value, column.type);
    case "date":
    case "time":
    case "datetime": {
      const milliseconds = value instanceof Date ? value.getTime() : Number(value);
      if (!Number.isFinite(milliseconds)) return formatCell(value, column.type);
      return formatDateTokens(milliseconds, display.format ?? DEFAULT_DATE_FORMATS[display.type]!);
    }
    case "link":
      return display.display ?? String(value);
    case "list":
    case "lineChart":
    case "barChart":
    case "areaChart":
      return listOf(value)
        .map((item) => formatCell(item, ""))
        .join(", ");
    case "json":
      return JSON.stringify(value, (_, inner: unknown) =>
        typeof inner === "bigint" ? inner.toString() : inner,
      );
    default:
      return formatCell(value, column.type);
  }
}

/** A URL a link may open: http(s) only, never javascript: or data:. */
export function safeLink(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** An image a cell may show: http(s) URLs and `data:image/...` (an image runs no script). */
export function safeImage(value: unknown): string | undefined {
  if (typeof value === "string" && /^data:image\/[a-z0-9.+-]+[;,]/i.test(value)) return value;
  return safeLink(value);
}

// --- Internal helpers ---

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null && "toArray" in value)
    return Array.from((value as { toArray(): ArrayLike<unknown> }).toArray());
  return [value];
}
