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

/**
 * A cell's content by its column's configuration: a checkbox for true/false,
 * a bar for progress, a link for http(s) URLs (other text stays text), or text.
 * @example <ColumnCell value={0.4} column={{ name: "done", type: "number", display: { type: "progress", max: 1 } }} />
 */
export function ColumnCell(props: { value: unknown; column: DataColumn }) {
  const type = () => props.column.display?.type;
  const empty = () => props.value === null || props.value === undefined;
  const link = () => (type() === "link" ? safeLink(props.value) : undefined);
  // A ternary chain rather than Switch/Match: the page's shared Solid chunk stays as it was.
  const kind = () =>
    empty()
      ? "text"
      : type() === "checkbox"
        ? "checkbox"
        : type() === "progress"
          ? "progress"
          : link()
            ? "link"
            : "text";
  return (
    <>
      {kind() === "checkbox" ? (
        <input
          type="checkbox"
          class="dataframe-checkbox"
          checked={props.value === true}
          disabled
          tabIndex={-1}
          aria-label={props.value === true ? "true" : "false"}
        />
      ) : kind() === "progress" ? (
        <ProgressCell value={Number(props.value)} column={props.column} />
      ) : kind() === "link" ? (
        <a href={link()} target="_blank" rel="noopener noreferrer" tabIndex={-1}>
          {cellText(props.value, props.column)}
        </a>
      ) : (
        cellText(props.value, props.column)
      )}
    </>
  );
}

// --- Internal helpers ---

function ProgressCell(props: { value: number; column: DataColumn }) {
  const min = () => props.column.display?.min ?? 0;
  const max = () => props.column.display?.max ?? 100;
  const share = () => Math.max(0, Math.min(1, (props.value - min()) / (max() - min())));
  return (
    <span
      class="dataframe-progress"
      role="progressbar"
      aria-valuemin={min()}
      aria-valuemax={max()}
      aria-valuenow={props.value}
    >
      <span class="dataframe-progress-bar">
        <span style={{ width: `${share() * 100}%` }} />
      </span>
      <span>{cellText(props.value, props.column)}</span>
    </span>
  );
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "object" && value !== null && "toArray" in value)
    return Array.from((value as { toArray(): ArrayLike<unknown> }).toArray());
  return [value];
}
