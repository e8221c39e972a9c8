import { createSignal, type Accessor } from "solid-js";
import type { EditCell, EditDiff, EditRules } from "../../../../src/protocol/index.ts";
import type { GridSelection } from "./grid-selection.ts";
import { withAddedRow, withoutRows } from "./editor-diff.ts";

/** Adding and deleting rows in a dynamic editor: new rows, rows ticked for deletion. */
export interface EditorRows {
  /** The ticked rows as the grid's row selection (its checkboxes), kept in the page. */
  selection: GridSelection;
  ticked: Accessor<number[]>;
  /** New rows still lacking a required value: shown, not yet sent. */
  pending: Accessor<Record<string, EditCell>[]>;
  /** Sets a cell of a pending row; a row that now has every required value is sent. */
  setPendingCell(index: number, column: string, value: EditCell): void;
  addRow(): void;
  /** Takes new rows (a paste past the end): returns the complete ones, to send; keeps the others pending. */
  takeRows(rows: Record<string, EditCell>[]): Record<string, EditCell>[];
  deleteTicked(): void;
  /** Forgets pending and ticked rows (new data). */
  reset(): void;
}

/** What the rows need of their editor. */
export interface EditorRowsOptions {
  diff: Accessor<EditDiff>;
  rowCount: Accessor<number>;
  columns: Accessor<{ name: string; rules: EditRules }[]>;
  commit(diff: EditDiff): void;
}

/**
 * The rows a user adds and deletes. A new row starts with the columns'
 * defaults; while a required column has no value it stays in the page, then
 * it is sent as an added row.
 * @example const rows = createEditorRows({ diff, rowCount, columns, commit: state.commit });
 */
export function createEditorRows(options: EditorRowsOptions): EditorRows {
  const [pending, setPending] = createSignal<Record<string, EditCell>[]>([]);
  const [ticked, setTicked] = createSignal<number[]>([]);
  const complete = (row: Record<string, EditCell>) =>
    options.columns().every(({ name, rules }) => !rules.required || (row[name] ?? null) !== null);
  const send = (rows: Record<string, EditCell>[], row: Record<string, EditCell>) => {
    if (!complete(row)) return setPending(rows);
    setPending(rows.filter((other) => other !== row));
    options.commit(withAddedRow(options.diff(), row));
  };
  const selection: GridSelection = {
    rows: true,
    columns: false,
    cells: false,
    // The ticked rows are the editor's own, for deleting; it reports no selection to the app.
    selected: () => ({ rows: ticked(), columns: [], cells: [] }),
    rowSelected: (row) => ticked().includes(row),
    columnSelected: () => false,
    cellSelected: () => false,
    toggleRow: (row) =>
      setTicked((rows) =>
        rows.includes(row) ? rows.filter((other) => other !== row) : [...rows, row],
      ),
    toggleColumn: () => {},
    toggleCell: () => {},
  };
  return {
    selection,
    ticked,
    pending,
    setPendingCell(index, column, value) {
      const rows = pending().slice();
      const row = Object.assign({}, rows[index], { [column]: value });
      rows[index] = row;
      send(rows, row);
    },
    addRow() {
      const row: Record<string, EditCell> = {};
      for (const { name, rules } of options.columns())
        if (rules.default !== undefined) row[name] = rules.default;
      send([...pending(), row], row);
    },
    takeRows(rows) {
      const waiting = rows.filter((row) => !complete(row));
      if (waiting.length > 0) setPending([...pending(), ...waiting]);
      return rows.filter(complete);
    },
    deleteTicked() {
      const firstPending = options.rowCount() + options.diff().addedRows.length;
      const rows = ticked();
      setPending(pending().filter((_, index) => !rows.includes(firstPending + index)));
      const sent = rows.filter((row) => row < firstPending);
      if (sent.length > 0) options.commit(withoutRows(options.diff(), options.rowCount(), sent));
      setTicked([]);
    },
    reset() {
      setPending([]);
      setTicked([]);
    },
  };
}
