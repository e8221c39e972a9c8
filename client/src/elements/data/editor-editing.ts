import { createSignal, type Accessor } from "solid-js";
import type { EditCell, EditRules } from "../../../../src/protocol/index.ts";
import { CELL_ATTRIBUTE, cellName } from "./grid-focus.ts";
import type { CommitMove } from "./editor-cell-input.tsx";
import { inputText, isEditable, parseInput, togglesInPlace } from "./editor-value.ts";

/** The cell whose input is open: its row in the editor's numbering, its shown position, its place. */
export interface OpenEdit {
  row: number;
  shown: number;
  column: number;
  initial: string;
  box: { top: number; left: number; width: number; height: number };
}

/** What editing cells needs of the grid. */
export interface CellEditingOptions {
  rowHeight: number;
  body: () => HTMLElement | undefined;
  disabled: Accessor<boolean>;
  rulesOf(column: number): EditRules | undefined;
  sourceRow(shown: number): number;
  cellValue(row: number, column: number): unknown;
  setCell(row: number, column: number, value: EditCell): void;
  /** Moves the grid's focus to a shown cell (after a commit or a cancel). */
  focusCell(shown: number, column: number): void;
}

/** The open input, if any, and the moves that open, commit and cancel it. */
export interface CellEditing {
  editing: Accessor<OpenEdit | undefined>;
  problem: Accessor<string | undefined>;
  editable(column: number): boolean;
  /** Opens a cell's input (`typed`: the key that started it), or toggles a checkbox cell. */
  start(shown: number, column: number, typed?: string): void;
  /** Takes the input's text; false when it is no value of the column (the input stays open). */
  commit(text: string, move: CommitMove): boolean;
  cancel(): void;
}

/**
 * Editing one cell at a time: the input opens over the cell with its value
 * as text; a commit parses the text by the column's kind and sets the cell,
 * unless nothing changed; the focus then moves as the key asked.
 * @example const editing = createCellEditing({ rowHeight: 35, body, disabled, rulesOf, sourceRow, cellValue, setCell, focusCell });
 */
export function createCellEditing(options: CellEditingOptions): CellEditing {
  const [editing, setEditing] = createSignal<OpenEdit>();
  const [problem, setProblem] = createSignal<string>();
  const editable = (column: number) => !options.disabled() && isEditable(options.rulesOf(column));
  const textOf = (row: number, column: number) =>
    inputText(options.cellValue(row, column), options.rulesOf(column)!);

  return {
    editing,
    problem,
    editable,
    start(shown, column, typed) {
      const rules = options.rulesOf(column);
      if (!editable(column) || !rules) return;
      const row = options.sourceRow(shown);
      if (togglesInPlace(rules))
        return options.setCell(row, column, options.cellValue(row, column) !== true);
      const cell = options
        .body()
        ?.querySelector<HTMLElement>(`[${CELL_ATTRIBUTE}="${cellName(shown, column)}"]`);
      if (!cell) return;
      setProblem(undefined);
      setEditing({
        row,
        shown,
        column,
        initial: typed ?? textOf(row, column),
        box: {
          top: (shown + 1) * options.rowHeight,
          left: cell.offsetLeft,
          width: cell.offsetWidth,
          height: options.rowHeight,
        },
      });
    },
    commit(text, move) {
      const edit = editing();
      if (!edit) return true;
      const parsed = parseInput(text, options.rulesOf(edit.column)!);
      if ("problem" in parsed) {
        setProblem(parsed.problem);
        return false;
      }
      setEditing(undefined);
      // The text the cell showed, committed as it was, changes nothing.
      if (text !== textOf(edit.row, edit.column))
        options.setCell(edit.row, edit.column, parsed.value);
      if (move === "down") options.focusCell(edit.shown + 1, edit.column);
      else if (move === "right") options.focusCell(edit.shown, edit.column + 1);
      else options.focusCell(edit.shown, edit.column);
      return true;
    },
    cancel() {
      const edit = editing();
      setEditing(undefined);
      setProblem(undefined);
      if (edit) options.focusCell(edit.shown, edit.column);
    },
  };
}
