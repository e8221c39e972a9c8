import type { DataColumn } from "../../../../src/protocol/index.ts";

const numbers = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });

/**
 * A cell as the page shows it: numbers grouped with at most four decimals,
 * dates as UTC "YYYY-MM-DD HH:MM:SS" (the date alone at midnight), null as
 * empty. `value` is what Arrow reads (dates as epoch milliseconds, 64-bit
 * integers as bigint) or what a table's props carry.
 * @example formatCell(1234.5, "number") // "1,234.5"
 */
export function formatCell(value: unknown, type: DataColumn["type"]): string {
  if (value === null || value === undefined) return "";
  if (type === "date" && (typeof value === "number" || value instanceof Date))
    return formatDate(typeof value === "number" ? value : value.getTime());
  if (typeof value === "number")
    return Number.isFinite(value) ? numbers.format(value) : String(value);
  if (typeof value === "bigint") return value.toLocaleString();
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === "bigint" ? inner.toString() : inner,
  );
}

/** True for the columns whose cells align right (numbers). */
export function isNumeric(type: DataColumn["type"]): boolean {
  return type === "number" || type === "integer";
}

function formatDate(milliseconds: number): string {
  const iso = new Date(milliseconds).toISOString();
  const [day, time = ""] = iso.split("T");
  return time.startsWith("00:00:00.000") ? day! : `${day} ${time.slice(0, 8)}`;
}
