import type { EditCell, EditRules } from "../../../../src/protocol/index.ts";

/**
 * A cell value (from the Arrow batch or the diff) as the editor's input shows
 * it: text, a number's digits, a date's `YYYY-MM-DD`, a time's `HH:MM:SS`, a
 * datetime's `YYYY-MM-DDTHH:MM:SS` (all in UTC, as the grid shows them).
 * @example inputText(Date.UTC(2024, 4, 1), { kind: "date" }) // "2024-05-01"
 */
export function inputText(value: unknown, rules: EditRules): string {
  if (value === null || value === undefined) return "";
  switch (rules.kind) {
    case "date":
      return isoOf(value)?.slice(0, 10) ?? "";
    case "time":
      return isoOf(value)?.slice(11, 19) ?? "";
    case "datetime":
      return isoOf(value)?.slice(0, 19) ?? "";
    default:
      return String(value);
  }
}

/**
 * What the user typed as the diff's value for the cell, or why it is no value
 * of the column's kind (the server checks bounds, options and required cells).
 * @example parseInput("12.5", { kind: "number" }) // { value: 12.5 }
 */
export function parseInput(
  text: string,
  rules: EditRules,
): { value: EditCell } | { problem: string } {
  if (text === "") return { value: null };
  switch (rules.kind) {
    case "number":
    case "integer": {
      const number = Number(text.trim());
      if (text.trim() === "" || !Number.isFinite(number))
        return { problem: `"${text}" is not a number` };
      if (rules.kind === "integer" && !Number.isSafeInteger(number))
        return { problem: `"${text}" is not a whole number` };
      return { value: number };
    }
    case "datetime":
      // The input gives a wall time without a zone: the grid's times are UTC.
      return { value: `${text.length === 16 ? `${text}:00` : text}Z` };
    default:
      return { value: text };
  }
}

/**
 * A diff's value as the grid shows it: dates, times and datetimes (ISO text
 * in the diff) as epoch milliseconds, like the Arrow batches hold them.
 */
export function shownValue(value: EditCell, rules: EditRules): unknown {
  if (typeof value !== "string") return value;
  switch (rules.kind) {
    case "date":
      return Date.parse(`${value}T00:00:00Z`);
    case "time":
      return Date.parse(`1970-01-01T${value}Z`);
    case "datetime":
      return Date.parse(value);
    default:
      return value;
  }
}

/** True when the cell is edited in place by a click (a checkbox), not in an input. */
export function togglesInPlace(rules: EditRules): boolean {
  return rules.kind === "checkbox";
}

/** True when the column takes edits at all. */
export function isEditable(rules: EditRules | undefined): rules is EditRules {
  return rules !== undefined && rules.kind !== "none" && rules.disabled !== true;
}

// --- Internal helpers ---

function isoOf(value: unknown): string | undefined {
  const milliseconds = value instanceof Date ? value.getTime() : Number(value);
  return Number.isFinite(milliseconds) ? new Date(milliseconds).toISOString() : undefined;
}
