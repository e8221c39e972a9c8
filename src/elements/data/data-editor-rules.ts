import { DataType } from "apache-arrow";
import type { DataColumn, EditCell, EditKind, EditRules } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { cellProblem } from "./edit-diff.ts";

/**
 * How the page edits a column and what the server accepts in it: its kind
 * from the column's configuration, else from its Arrow type; the bounds,
 * options, default and flags of its configuration; disabled when `disabled`
 * is true or names it.
 * @example editRulesOf(column, undefined, { type: "number", min: 0 }, ["id"], "st.dataEditor")
 */
export function editRulesOf(
  column: DataColumn,
  // The column's Arrow type when the data is an Arrow table: an Int32 column takes whole numbers.
  arrowType: DataType | undefined,
  config: unknown,
  disabled: boolean | readonly string[],
  method: string,
): EditRules {
  const given = (typeof config === "object" && config !== null ? config : {}) as Record<
    string,
    unknown
  >;
  const rules: EditRules = { kind: editKindOf(column, arrowType) };
  if (
    disabled === true ||
    (Array.isArray(disabled) && disabled.includes(column.name)) ||
    given.disabled === true
  )
    rules.disabled = true;
  if (given.required === true) rules.required = true;
  for (const bound of ["min", "max", "step", "maxChars"] as const)
    if (typeof given[bound] === "number") rules[bound] = given[bound];
  if (rules.kind === "selectbox") rules.options = (given.options as string[] | undefined) ?? [];
  if (given.default !== undefined && given.default !== null) {
    const problem = cellProblem(given.default, column.name, rules);
    if (problem)
      throw new EdgelitApiError(
        `${method}: columnConfig "${column.name}": the default does not fit: ${problem}.`,
      );
    rules.default = given.default as EditCell;
  }
  return rules;
}

// --- Internal helpers ---

const BY_DISPLAY: Partial<Record<string, EditKind>> = {
  text: "text",
  link: "text",
  checkbox: "checkbox",
  selectbox: "selectbox",
  date: "date",
  time: "time",
  datetime: "datetime",
  list: "none",
  json: "none",
};

const BY_COLUMN_TYPE: Partial<Record<string, EditKind>> = {
  number: "number",
  integer: "integer",
  string: "text",
  boolean: "checkbox",
  date: "datetime",
  // Records whose column is empty so far: what the user types is text.
  null: "text",
};

function editKindOf(column: DataColumn, arrowType: DataType | undefined): EditKind {
  const byDisplay = column.display && BY_DISPLAY[column.display.type];
  if (byDisplay) return byDisplay;
  if (!arrowType) return BY_COLUMN_TYPE[column.type] ?? "none";
  const type = DataType.isDictionary(arrowType) ? arrowType.dictionary : arrowType;
  if (DataType.isInt(type)) return "integer";
  if (DataType.isFloat(type)) return "number";
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return "text";
  if (DataType.isBool(type)) return "checkbox";
  if (DataType.isTimestamp(type)) return "datetime";
  if (DataType.isDate(type)) return "date";
  return "none";
}
