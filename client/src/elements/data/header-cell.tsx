import type { DataColumn } from "../../../../src/protocol/index.ts";
import { isNumeric } from "./format-cell.ts";

/** What a column's header shows and does. */
export interface HeaderCellProps {
  column: DataColumn;
  /** Its position among the grid's columns, from 1 (aria-colindex). */
  colIndex: number;
  sort: "ascending" | "descending" | "none";
  /** Whether its column is selected; undefined when the grid does not select columns. */
  selected: boolean | undefined;
  /** Its name for the keyboard's moves (see grid-focus.ts). */
  cellName: string;
  tabIndex: 0 | -1;
  /** Where a pinned column sticks (its left edge in pixels); undefined when it scrolls. */
  pinnedAt: number | undefined;
  /** A click on the header: selects the column, or sorts when the grid does not select columns. */
  onClick(): void;
  onSort(): void;
  /** A press on the header (a drag of it reorders the columns, see column-order.ts). */
  onPointerDown?(event: PointerEvent): void;
  /** A press on its right edge (a drag of it resizes the column, see column-resize.ts). */
  onResizeStart?(event: PointerEvent): void;
  /** A key on the focused header: Alt+arrows resize, Alt+Shift+arrows move the column. */
  onKeyDown?(event: KeyboardEvent): void;
  /** True while this column is being dragged. */
  dragging?: boolean;
}

/**
 * A column's header: its name, and a sort button that shows the direction
 * (a faint double arrow while unsorted).
 * @example <HeaderCell column={column} colIndex={2} sort="none" selected={undefined} cellName="-1:0" tabIndex={0} onClick={select} onSort={sort} />
 */
export function HeaderCell(props: HeaderCellProps) {
  const label = () => props.column.display?.label ?? props.column.name;
  return (
    <div
      role="columnheader"
      aria-sort={props.sort}
      aria-colindex={props.colIndex}
      aria-selected={props.selected}
      classList={{
        numeric: isNumeric(props.column.type),
        pinned: props.pinnedAt !== undefined,
        dragging: props.dragging === true,
      }}
      style={
        props.pinnedAt === undefined
          ? undefined
          : { position: "sticky", left: `${props.pinnedAt}px`, "z-index": 2 }
      }
      title={props.column.display?.help}
      data-cell={props.cellName}
      data-column={props.column.name}
      tabIndex={props.tabIndex}
      onClick={() => props.onClick()}
      onPointerDown={(event) => props.onPointerDown?.(event)}
      onKeyDown={(event) => props.onKeyDown?.(event)}
    >
      <span class="dataframe-label">{label()}</span>
      <button
        type="button"
        class="dataframe-sort"
        title="Sort"
        aria-label={`Sort by ${label()}`}
        tabIndex={-1}
        onClick={(event) => {
          event.stopPropagation();
          props.onSort();
        }}
      >
        {props.sort === "ascending" ? "↑" : props.sort === "descending" ? "↓" : ""}
      </button>
      <span
        class="dataframe-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${label()}`}
        onPointerDown={(event) => props.onResizeStart?.(event)}
        onClick={(event) => event.stopPropagation()}
      />
    </div>
  );
}
