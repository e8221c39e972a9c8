import { For, Show, type Accessor } from "solid-js";
import type { DataColumn } from "../../../../src/protocol/index.ts";
import { ColumnCell } from "./column-cell.tsx";
import { stickyStyle } from "./column-layout.ts";
import { isNumeric } from "./format-cell.ts";
import { cellName, type GridFocus } from "./grid-focus.ts";
import type { GridSelection } from "./grid-selection.ts";

/** What a row of the grid reads from its grid. */
export interface GridView {
  rowHeight: number;
  checkWidth: number;
  /** Where a shown row's top goes in the scrolled space (see virtual-rows.ts). */
  rowTop(shown: number): number;
  /** The frame's row shown at a position (after sort and search). */
  sourceRow(shown: number): number;
  columns: Accessor<DataColumn[]>;
  selection: Accessor<GridSelection | undefined>;
  showCheckbox: Accessor<boolean>;
  showIndex: Accessor<boolean>;
  anyPinned: Accessor<boolean>;
  pinned: Accessor<(number | undefined)[]>;
  leadingColumns: Accessor<number>;
  cellValue(row: number, column: number): unknown;
  focus: GridFocus;
  clickCell(shown: number, column: number): void;
  /** Why the cell's last edit was refused, and the id its message takes (an editor's); undefined when it was not. */
  cellProblem?(row: number, column: number): { id: string; reason: string } | undefined;
}

/**
 * One row of the grid at a shown position: its selection checkbox, its row
 * number, and its cells as their columns show them.
 * @example <BodyRow index={0} grid={view} />
 */
export function BodyRow(props: { index: number; grid: GridView }) {
  const row = () => props.grid.sourceRow(props.index);
  return (
    <div
      class="dataframe-row"
      role="row"
      aria-rowindex={props.index + 2}
      aria-selected={
        props.grid.selection()?.rows ? props.grid.selection()!.rowSelected(row()) : undefined
      }
      style={{ transform: `translateY(${props.grid.rowTop(props.index)}px)` }}
    >
      <Show when={props.grid.showCheckbox()}>
        <div
          role="gridcell"
          class="dataframe-check"
          classList={{ pinned: props.grid.anyPinned() }}
          style={props.grid.anyPinned() ? stickyStyle(0) : undefined}
          aria-colindex={1}
        >
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`Select row ${row()}`}
            checked={props.grid.selection()!.rowSelected(row())}
            onChange={() => props.grid.selection()!.toggleRow(row())}
          />
        </div>
      </Show>
      <Show when={props.grid.showIndex()}>
        <div
          role="rowheader"
          class="dataframe-index"
          classList={{ pinned: props.grid.anyPinned() }}
          style={
            props.grid.anyPinned()
              ? stickyStyle(props.grid.showCheckbox() ? props.grid.checkWidth : 0)
              : undefined
          }
          aria-colindex={props.grid.leadingColumns()}
        >
          {row()}
        </div>
      </Show>
      <For each={props.grid.columns()}>
        {(column, at) => {
          const problem = () => props.grid.cellProblem?.(row(), at());
          return (
            <div
              role="gridcell"
              aria-colindex={props.grid.leadingColumns() + at() + 1}
              aria-invalid={problem() ? true : undefined}
              aria-describedby={problem()?.id}
              aria-selected={
                props.grid.selection()?.cells
                  ? props.grid.selection()!.cellSelected(row(), column.name)
                  : undefined
              }
              classList={{
                numeric: isNumeric(column.type),
                pinned: props.grid.pinned()[at()] !== undefined,
                "cell-refused": problem() !== undefined,
              }}
              style={stickyStyle(props.grid.pinned()[at()])}
              data-cell={cellName(props.index, at())}
              tabIndex={props.grid.focus.tabIndex(props.index, at())}
              onClick={() => {
                props.grid.focus.activate({ row: props.index, column: at() });
                if (props.grid.selection()?.cells) props.grid.clickCell(props.index, at());
              }}
            >
              <ColumnCell value={props.grid.cellValue(row(), at())} column={column} />
              <Show when={problem()}>
                {(shown) => (
                  // Out of the cell's name, which is its value; it is the cell's description.
                  <span class="cell-problem" id={shown().id} aria-hidden="true">
                    {shown().reason}
                  </span>
                )}
              </Show>
            </div>
          );
        }}
      </For>
    </div>
  );
}
