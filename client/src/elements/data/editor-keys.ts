import type { EditCell, EditRules } from "../../../../src/protocol/index.ts";
import type { CellEditing } from "./editor-editing.ts";
import { CELL_ATTRIBUTE, type GridFocus } from "./grid-focus.ts";

/** What the editor's keys act on. */
export interface EditorKeysOptions {
  cells: CellEditing;
  focus: GridFocus;
  rulesOf(column: number): EditRules | undefined;
  sourceRow(shown: number): number;
  setCell(row: number, column: number, value: EditCell): void;
  /** Ctrl/Cmd+F: opens the toolbar's search. */
  openSearch(): void;
}

/**
 * The editor grid's keys: typing on a text or number cell opens its input
 * with that key, F2 opens it as it is, Delete or Backspace empties the cell,
 * Ctrl/Cmd+F opens the search; the rest move the focus as in the dataframe.
 * @example <div role="grid" onKeyDown={editorKeyHandler({ cells, focus, rulesOf, sourceRow, setCell, openSearch })} />
 */
export function editorKeyHandler(options: EditorKeysOptions): (event: KeyboardEvent) => void {
  const { cells, focus } = options;
  return (event) => {
    if (cells.editing()) return;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "f") {
      event.preventDefault();
      return options.openSearch();
    }
    const cell = focus.active();
    const onCell = event.target instanceof HTMLElement && event.target.hasAttribute(CELL_ATTRIBUTE);
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    const kind = options.rulesOf(cell.column)?.kind;
    if (
      onCell &&
      cell.row >= 0 &&
      typed &&
      event.key !== " " &&
      (kind === "text" || kind === "number" || kind === "integer")
    ) {
      event.preventDefault();
      return cells.start(cell.row, cell.column, event.key);
    }
    if (onCell && cell.row >= 0 && event.key === "F2") {
      event.preventDefault();
      return cells.start(cell.row, cell.column);
    }
    // Delete or Backspace empties the cell (a required one is refused, marked with its reason).
    const clears = event.key === "Delete" || event.key === "Backspace";
    if (onCell && cell.row >= 0 && clears && cells.editable(cell.column) && kind !== "checkbox") {
      event.preventDefault();
      return options.setCell(options.sourceRow(cell.row), cell.column, null);
    }
    focus.onKeyDown(event);
  };
}
