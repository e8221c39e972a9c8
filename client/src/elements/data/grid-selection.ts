import type {
  DataframeProps,
  DataframeSelection,
  DataframeSelectionMode,
  DataframeState,
  WidgetProps,
} from "../../../../src/protocol/index.ts";
import { createWidgetValue } from "../inputs/widget-value.ts";

/** What the grid can select, and the selection the user sees (theirs at once, the server's after a run). */
export interface GridSelection {
  rows: boolean;
  columns: boolean;
  cells: boolean;
  /** What is selected now (rows as positions in the data, columns by name). */
  selected(): DataframeSelection;
  rowSelected(row: number): boolean;
  columnSelected(column: string): boolean;
  cellSelected(row: number, column: string): boolean;
  toggleRow(row: number): void;
  toggleColumn(column: string): void;
  toggleCell(row: number, column: string): void;
}

const EMPTY: DataframeState = { selection: { rows: [], columns: [], cells: [] } };

/**
 * The selection of a dataframe made with `onSelect`, or undefined for a
 * read-only one. A change is sent as the widget's value; rows are positions
 * in the data as given, whatever the sort shown.
 * @example const selection = createGridSelection(props.el); selection?.toggleRow(3);
 */
export function createGridSelection(el: () => DataframeProps): GridSelection | undefined {
  const first = el();
  if (first.id === undefined || !first.selection) return undefined;
  const modes = first.selection.modes;
  const state = createWidgetValue<DataframeState>(
    () => el() as WidgetProps,
    () => el().selection?.value ?? EMPTY,
  );
  const current = () => state.value().selection;
  const change = (next: Partial<DataframeSelection>) =>
    state.commit({ selection: { ...current(), ...next } });
  const single = (target: string) => modes.includes(`single-${target}` as DataframeSelectionMode);
  const allows = (target: string) => single(target) || modes.includes(`multi-${target}` as never);

  return {
    rows: allows("row"),
    columns: allows("column"),
    cells: allows("cell"),
    selected: current,
    rowSelected: (row) => current().rows.includes(row),
    columnSelected: (column) => current().columns.includes(column),
    cellSelected: (row, column) =>
      current().cells.some(([cellRow, cellColumn]) => cellRow === row && cellColumn === column),
    toggleRow(row) {
      change({ rows: toggled(current().rows, row, single("row"), (a, b) => a === b) });
    },
    toggleColumn(column) {
      change({ columns: toggled(current().columns, column, single("column"), (a, b) => a === b) });
    },
    toggleCell(row, column) {
      change({
        cells: toggled(
          current().cells,
          [row, column],
          single("cell"),
          (a, b) => a[0] === b[0] && a[1] === b[1],
        ),
      });
    },
  };
}

/** The list without `item` if it held it, else with it (alone, in single mode). */
function toggled<T>(list: T[], item: T, single: boolean, same: (a: T, b: T) => boolean): T[] {
  if (list.some((held) => same(held, item))) return list.filter((held) => !same(held, item));
  return single ? [item] : [...list, item];
}
