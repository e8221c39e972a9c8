import { createSignal, type Accessor } from "solid-js";

/** A cell of the grid: `row` is the shown row (-1 for the header), `column` the shown data column. */
export interface GridCell {
  row: number;
  column: number;
}

/** Options of {@link createGridFocus}. */
export interface GridFocusOptions {
  rowCount: Accessor<number>;
  columnCount: Accessor<number>;
  scroller: () => HTMLElement | undefined;
  rowHeight: number;
  /** Scrolls a row into view (rows whose scroll is scaled, see virtual-rows.ts); default: by `rowHeight`. */
  revealRow?(row: number): void;
  /** Space or Enter on a cell. */
  onActivate(cell: GridCell, key: string): void;
}

/** The grid's one tabbable cell (a roving tabindex) and its keyboard moves. */
export interface GridFocus {
  active: Accessor<GridCell>;
  /** 0 for the active cell, -1 for the others. */
  tabIndex(row: number, column: number): 0 | -1;
  /** Makes a cell the active one (a click on it). */
  activate(cell: GridCell): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** The attribute a cell carries so the keyboard can find and focus it. */
export const CELL_ATTRIBUTE = "data-cell";
export const cellName = (row: number, column: number) => `${row}:${column}`;

/**
 * Keyboard navigation of a virtual grid (the WAI-ARIA grid pattern): arrow
 * keys, Home/End and PageUp/PageDown move the active cell, which is scrolled
 * into view and focused once its row is drawn; Space and Enter activate it.
 * @example const focus = createGridFocus({ rowCount, columnCount, scroller, rowHeight: 35, onActivate });
 */
export function createGridFocus(options: GridFocusOptions): GridFocus {
  const [active, setActive] = createSignal<GridCell>({ row: -1, column: 0 });

  const moveTo = (cell: GridCell) => {
    const lastRow = options.rowCount() - 1;
    const lastColumn = options.columnCount() - 1;
    const next = {
      row: Math.max(-1, Math.min(lastRow, cell.row)),
      column: Math.max(0, Math.min(lastColumn, cell.column)),
    };
    setActive(next);
    const scroller = options.scroller();
    if (!scroller) return;
    if (options.revealRow) options.revealRow(next.row);
    else scrollRowIntoView(scroller, next.row, options.rowHeight);
    focusWhenDrawn(scroller, next, 20);
  };

  return {
    active,
    tabIndex: (row, column) => {
      const cell = active();
      return cell.row === row && cell.column === column ? 0 : -1;
    },
    activate: setActive,
    onKeyDown(event) {
      const cell = active();
      const page = Math.max(
        1,
        Math.floor((options.scroller()?.clientHeight ?? 0) / options.rowHeight) - 1,
      );
      const moves: Record<string, GridCell> = {
        ArrowUp: { row: cell.row - 1, column: cell.column },
        ArrowDown: { row: cell.row + 1, column: cell.column },
        ArrowLeft: { row: cell.row, column: cell.column - 1 },
        ArrowRight: { row: cell.row, column: cell.column + 1 },
        PageUp: { row: cell.row - page, column: cell.column },
        PageDown: { row: cell.row + page, column: cell.column },
        Home: event.ctrlKey ? { row: -1, column: 0 } : { row: cell.row, column: 0 },
        End: event.ctrlKey
          ? { row: options.rowCount() - 1, column: options.columnCount() - 1 }
          : { row: cell.row, column: options.columnCount() - 1 },
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        moveTo(move);
      } else if ((event.key === " " || event.key === "Enter") && isCellTarget(event)) {
        event.preventDefault();
        options.onActivate(cell, event.key);
      }
    },
  };
}

// --- Internal helpers ---

/** True when the key went to a cell itself, not to a control inside it (a checkbox, a button). */
function isCellTarget(event: KeyboardEvent): boolean {
  return event.target instanceof HTMLElement && event.target.hasAttribute(CELL_ATTRIBUTE);
}

function scrollRowIntoView(scroller: HTMLElement, row: number, rowHeight: number): void {
  if (row < 0) return;
  // The sticky header covers the first row's height of the view.
  const top = (row + 1) * rowHeight;
  const viewTop = scroller.scrollTop + rowHeight;
  const viewBottom = scroller.scrollTop + scroller.clientHeight;
  if (top < viewTop) scroller.scrollTop = top - rowHeight;
  else if (top + rowHeight > viewBottom)
    scroller.scrollTop = top + rowHeight - scroller.clientHeight;
}

/** Focuses the cell once the virtual rows draw it (after the scroll above), trying a bounded number of frames. */
function focusWhenDrawn(scroller: HTMLElement, cell: GridCell, frames: number): void {
  const target = scroller.querySelector<HTMLElement>(
    `[${CELL_ATTRIBUTE}="${cellName(cell.row, cell.column)}"]`,
  );
  if (target) target.focus({ preventScroll: true });
  else if (frames > 0) requestAnimationFrame(() => focusWhenDrawn(scroller, cell, frames - 1));
}
