import { cellProblem } from "../../../../src/protocol/edit-cell.ts";
import type { EditCell, EditRules } from "../../../../src/protocol/index.ts";
import { parseInput } from "./editor-value.ts";

/** A cell a paste sets, by row (the editor's numbering) and column name. */
export interface PastedCell {
  row: number;
  column: string;
  value: EditCell;
}

/** What a paste does: cells of existing rows, new rows past the end, and the cells it refused. */
export interface PastePlan {
  cells: PastedCell[];
  /** New rows (a dynamic editor), each with the columns' defaults under what was pasted. */
  newRows: Record<string, EditCell>[];
  /** Refused cells; a new row's are numbered from 0 among `newRows` (`row` -1 - index). */
  refused: { row: number; column: string; reason: string }[];
}

/** Where a paste lands and what it may change. */
export interface PasteTarget {
  /** The focused cell: its shown row and column. */
  shown: number;
  column: number;
  shownCount: number;
  sourceRow(shown: number): number;
  columns: { name: string; rules: EditRules }[];
  editable(column: number): boolean;
  /** True when rows past the end are added (numRows "dynamic"). */
  dynamic: boolean;
}

/**
 * Tab-separated text as rows of fields, as a spreadsheet copies it (and as
 * the grid's Ctrl+C writes it): lines by "\n" or "\r\n", a quoted field may
 * hold tabs, line breaks and doubled quotes; a final line break ends the last row.
 * @example parseTabular('a\t"b\tc"\n1\t2\n') // [["a", "b\tc"], ["1", "2"]]
 */
export function parseTabular(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '"' && field === "") {
      const end = closingQuote(text, at + 1);
      if (end >= 0 && (end + 1 === text.length || "\t\r\n".includes(text[end + 1]!))) {
        field = text.slice(at + 1, end).replaceAll('""', '"');
        at = end + 1;
        continue;
      }
    }
    if (char === "\t") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      if (char === "\r" && text[at + 1] === "\n") at++;
    } else field += char;
    at++;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Pasted text as a value of the column, or why it is none: numbers (a
 * spreadsheet's thousands separators allowed), true/false for a checkbox,
 * dates and times as ISO text (a datetime without a zone is UTC, as the grid
 * shows it); the column's bounds, options and required flag are checked too.
 * @example pastedValue("1,250", "price", { kind: "number", max: 1000 }) // { problem: 'column "price" takes numbers up to 1000, got 1250' }
 */
export function pastedValue(
  text: string,
  column: string,
  rules: EditRules,
): { value: EditCell } | { problem: string } {
  const trimmed = text.trim();
  let parsed: { value: EditCell } | { problem: string };
  if (trimmed === "") parsed = { value: null };
  else if (rules.kind === "checkbox")
    parsed = /^(true|yes|1)$/i.test(trimmed)
      ? { value: true }
      : /^(false|no|0)$/i.test(trimmed)
        ? { value: false }
        : { problem: `"${trimmed}" is not true or false` };
  else if (rules.kind === "number" || rules.kind === "integer")
    parsed = parseInput(
      /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replaceAll(",", "") : trimmed,
      rules,
    );
  else if (rules.kind === "datetime") {
    const iso = trimmed.replace(" ", "T");
    parsed = { value: /(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z` };
  } else if (rules.kind === "date" || rules.kind === "time" || rules.kind === "selectbox")
    parsed = { value: trimmed };
  else parsed = { value: text };
  if ("problem" in parsed) return { problem: `column "${column}": ${parsed.problem}` };
  const problem = cellProblem(parsed.value, column, rules);
  return problem ? { problem } : parsed;
}

/**
 * What pasting a block of fields at the focused cell does: it fills cells
 * right and down from there (following the rows as shown: sorted, searched),
 * each field converted and checked by its column; editable columns only,
 * nothing past the last column; past the last row, new rows when the editor
 * is dynamic, else nothing.
 * @example planPaste([["1", "x"]], target) // { cells: [...], newRows: [], refused: [] }
 */
export function planPaste(block: string[][], target: PasteTarget): PastePlan {
  const plan: PastePlan = { cells: [], newRows: [], refused: [] };
  for (const [offset, fields] of block.entries()) {
    const shown = target.shown + offset;
    const existing = shown < target.shownCount;
    if (!existing && !target.dynamic) break;
    const newRow: Record<string, EditCell> = {};
    if (!existing) {
      for (const { name, rules } of target.columns)
        if (rules.default !== undefined) newRow[name] = rules.default;
      plan.newRows.push(newRow);
    }
    const row = existing ? target.sourceRow(shown) : -plan.newRows.length;
    for (const [step, text] of fields.entries()) {
      const at = target.column + step;
      const column = target.columns[at];
      if (!column) break;
      if (!target.editable(at)) continue;
      const value = pastedValue(text, column.name, column.rules);
      if ("problem" in value)
        plan.refused.push({ row, column: column.name, reason: value.problem });
      else if (existing) plan.cells.push({ row, column: column.name, value: value.value });
      else newRow[column.name] = value.value;
    }
  }
  return plan;
}

// --- Internal helpers ---

/** The index of the quote that closes a quoted field starting at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    if (text[at] !== '"') continue;
    if (text[at + 1] === '"') at++;
    else return at;
  }
  return -1;
}
