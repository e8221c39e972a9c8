import type { EditRules } from "./data-editor.ts";

/*
 * Whether a value fits a data editor's column: the server checks every cell of
 * a diff with this, and the page checks a cell before it sends it, so a
 * refused cell is marked where the user typed or pasted it.
 */

/**
 * Why a cell value does not fit its column, or undefined when it does.
 * @example cellProblem("ten", "price", { kind: "number" }) // 'column "price" takes a number, got "ten"'
 */
export function cellProblem(value: unknown, column: string, rules: EditRules): string | undefined {
  if (rules.kind === "none") return `column "${column}" cannot be edited`;
  if (value === null)
    return rules.required ? `column "${column}" is required: it cannot be empty` : undefined;
  const kindProblem = KIND_CHECKS[rules.kind](value, rules);
  return kindProblem && `column "${column}" ${kindProblem}`;
}

// --- Internal helpers ---

type KindCheck = (value: unknown, rules: EditRules) => string | undefined;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const KIND_CHECKS: Record<Exclude<EditRules["kind"], "none">, KindCheck> = {
  text: (value, rules) => {
    if (typeof value !== "string") return `takes text, got ${describeCell(value)}`;
    if (rules.maxChars !== undefined && value.length > rules.maxChars)
      return `takes at most ${rules.maxChars} characters, got ${value.length}`;
    return undefined;
  },
  number: (value, rules) => numberProblem(value, rules, false),
  integer: (value, rules) => numberProblem(value, rules, true),
  checkbox: (value) =>
    typeof value === "boolean" ? undefined : `takes true or false, got ${describeCell(value)}`,
  selectbox: (value, rules) =>
    typeof value === "string" && (rules.options ?? []).includes(value)
      ? undefined
      : `takes one of ${(rules.options ?? []).map((option) => JSON.stringify(option)).join(", ")}; got ${describeCell(value)}`,
  date: (value) => isoProblem(value, ISO_DATE, "a date (YYYY-MM-DD)"),
  time: (value) => isoProblem(value, ISO_TIME, "a time (HH:MM or HH:MM:SS)"),
  datetime: (value) => isoProblem(value, ISO_DATETIME, "a date and time (ISO 8601)"),
};

function numberProblem(value: unknown, rules: EditRules, integer: boolean): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value))
    return `takes a number, got ${describeCell(value)}`;
  if (integer && !Number.isSafeInteger(value)) return `takes a whole number, got ${value}`;
  if (rules.min !== undefined && value < rules.min)
    return `takes numbers from ${rules.min}, got ${value}`;
  if (rules.max !== undefined && value > rules.max)
    return `takes numbers up to ${rules.max}, got ${value}`;
  return undefined;
}

function isoProblem(value: unknown, pattern: RegExp, what: string): string | undefined {
  if (typeof value !== "string" || !pattern.test(value))
    return `takes ${what}, got ${describeCell(value)}`;
  const instant = pattern === ISO_TIME ? Date.parse(`1970-01-01T${value}Z`) : Date.parse(value);
  return Number.isNaN(instant) ? `takes ${what}, got ${describeCell(value)}` : undefined;
}

/** A value as a refusal quotes it: text in quotes, cut past 40 characters. */
function describeCell(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}
