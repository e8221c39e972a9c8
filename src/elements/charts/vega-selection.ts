import type {
  ChartSelectionParam,
  ChartSelectionValue,
  VegaLiteChartState,
} from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { checkedCodec, defineWidget, describe } from "../core/widget-kind.ts";

/**
 * What checking a chart's selection needs, kept in the session record: its
 * selection parameters and, when the server knows them (the simple charts),
 * the fields a selection can name.
 */
export interface ChartSelectionSettings {
  params: ChartSelectionParam[];
  fields?: string[];
}

/** Most points, or values of one interval, a selection may hold. */
export const MAX_SELECTED = 10_000;

/**
 * The selection of nothing: each point parameter `[]`, each interval `{}`.
 * @example emptyChartSelection([{ name: "brush", type: "interval" }]) // { selection: { brush: {} } }
 */
export function emptyChartSelection(params: ChartSelectionParam[]): VegaLiteChartState {
  const selection: Record<string, ChartSelectionValue> = {};
  for (const param of params) selection[param.name] = param.type === "point" ? [] : {};
  return { selection };
}

/**
 * The parameters an app asked for by name (`selectionMode`), among those the
 * spec defines; all of them when it names none.
 * @example chosenParams("st.vegaLiteChart", [{ name: "brush", type: "interval" }], "brush")
 */
export function chosenParams(
  method: string,
  defined: ChartSelectionParam[],
  requested: unknown,
): ChartSelectionParam[] {
  if (defined.length === 0)
    throw new EdgelitApiError(
      `${method}: onSelect needs a selection parameter in the spec (an entry of "params" with "select"); it has none.`,
    );
  if (requested === undefined) return defined;
  const names = [requested].flat();
  if (names.length === 0)
    throw new EdgelitApiError(`${method}: selectionMode names no parameter; give at least one.`);
  const chosen: ChartSelectionParam[] = [];
  for (const name of names) {
    const param = defined.find((candidate) => candidate.name === name);
    if (!param)
      throw new EdgelitApiError(
        `${method}: selectionMode ${describe(name)} is not a selection parameter of the spec ` +
          `(its parameters: ${defined.map((known) => `"${known.name}"`).join(", ")}).`,
      );
    if (!chosen.includes(param)) chosen.push(param);
  }
  return chosen;
}

/**
 * Why a selection does not fit the chart, or undefined when it does.
 * @example chartSelectionProblem({ selection: { brush: [] } }, { params: [{ name: "brush", type: "interval" }] })
 */
export function chartSelectionProblem(
  value: unknown,
  settings: ChartSelectionSettings,
): string | undefined {
  if (!isRecord(value) || !isRecord(value.selection))
    return `expected { selection: { <parameter>: ... } }, got ${describe(value)}`;
  const selection = value.selection;
  const names = settings.params.map((param) => param.name);
  const extra = Object.keys(selection).find((name) => !names.includes(name));
  if (extra !== undefined)
    return `"${extra}" is not a selection parameter of this chart (its parameters: ${names.join(", ")})`;
  for (const param of settings.params) {
    const held = selection[param.name];
    if (held === undefined) return `the selection lacks parameter "${param.name}"`;
    const problem =
      param.type === "point"
        ? pointProblem(held, settings.fields)
        : intervalProblem(held, settings.fields);
    if (problem) return `parameter "${param.name}": ${problem}`;
  }
  return undefined;
}

// --- Internal helpers ---

function pointProblem(value: unknown, fields: string[] | undefined): string | undefined {
  if (!Array.isArray(value)) return `a point selection is a list of points, got ${describe(value)}`;
  if (value.length > MAX_SELECTED) return `more than ${MAX_SELECTED} points`;
  for (const point of value) {
    if (!isRecord(point)) return `a point is an object of field values, got ${describe(point)}`;
    for (const [field, cell] of Object.entries(point)) {
      const problem = fieldProblem(field, fields) ?? cellProblem(cell);
      if (problem) return `point ${describe(point)}: ${problem}`;
    }
  }
  return undefined;
}

function intervalProblem(value: unknown, fields: string[] | undefined): string | undefined {
  if (!isRecord(value))
    return `an interval selection is an object of ranges by field, got ${describe(value)}`;
  for (const [field, range] of Object.entries(value)) {
    const problem = fieldProblem(field, fields);
    if (problem) return problem;
    if (!Array.isArray(range) || range.length === 0 || range.length > MAX_SELECTED)
      return `field "${field}": a range is a list of 1 to ${MAX_SELECTED} values, got ${describe(range)}`;
    for (const cell of range) {
      const cellIssue = cellProblem(cell);
      if (cellIssue) return `field "${field}": ${cellIssue}`;
    }
  }
  return undefined;
}

function fieldProblem(field: string, fields: string[] | undefined): string | undefined {
  if (fields === undefined || fields.includes(field)) return undefined;
  return `"${field}" is not a field of this chart (its fields: ${fields.join(", ")})`;
}

function cellProblem(cell: unknown): string | undefined {
  const fits =
    cell === null ||
    typeof cell === "string" ||
    typeof cell === "boolean" ||
    (typeof cell === "number" && Number.isFinite(cell));
  return fits ? undefined : `${describe(cell)} is not a value of a chart's field`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The selectable chart's kind: its value is a selection the server checks against the chart. */
export const vegaLiteChartKind = defineWidget("vegaLiteChart", {
  codec: checkedCodec(chartSelectionProblem),
});
