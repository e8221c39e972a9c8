import type { DataColumn } from "../../../../src/protocol/index.ts";

/** The byte order mark that starts the file, so spreadsheet programs read it as UTF-8 (as Streamlit's download does). */
export const CSV_BOM = "\ufeff";

/**
 * A frame as CSV text: a header of column names, then one line per row (in
 * the frame's order), fields separated by commas and lines by "\n". A field
 * holding a comma, a quote or a line break is quoted, its quotes doubled
 * (RFC 4180). Numbers and 64-bit integers are written in full, without
 * grouping; dates as UTC "YYYY-MM-DD HH:MM:SS" (the date alone at midnight);
 * empty cells as nothing. The text starts with a byte order mark.
 * @example frameToCsv([{ name: "a", type: "string" }], 1, () => 'say "hi"') // '\ufeffa\n"say ""hi"""\n'
 */
export function frameToCsv(
  columns: DataColumn[],
  rowCount: number,
  valueAt: (row: number, column: number) => unknown,
): string {
  const lines = [columns.map((column) => csvField(column.name)).join(",")];
  for (let row = 0; row < rowCount; row++) {
    const fields: string[] = [];
    for (let column = 0; column < columns.length; column++)
      fields.push(csvField(csvText(valueAt(row, column), columns[column]!.type)));
    lines.push(fields.join(","));
  }
  return `${CSV_BOM}${lines.join("\n")}\n`;
}

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A cell as plain text, for a file or the clipboard: numbers in full without
 * grouping, dates as UTC "YYYY-MM-DD HH:MM:SS" (the date alone at midnight),
 * empty cells as nothing.
 * @example csvText(1234.5, "number") // "1234.5"
 */
export function csvText(value: unknown, type: DataColumn["type"]): string {
  if (value === null || value === undefined) return "";
  if (type === "date" && (typeof value === "number" || value instanceof Date)) {
    const iso = new Date(typeof value === "number" ? value : value.getTime()).toISOString();
    const [day, time = ""] = iso.split("T");
    return time.startsWith("00:00:00.000") ? day! : `${day} ${time.slice(0, 8)}`;
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
    return String(value);
  return JSON.stringify(value, (_, inner: unknown) =>
    typeof inner === "bigint" ? inner.toString() : inner,
  );
}
