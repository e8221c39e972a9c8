import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { ROUTES } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { cellText } from "./cell-text.ts";
import { gridMinWidth, gridTemplate, pinnedOffsets, stickyStyle } from "./column-layout.ts";
import { BodyRow, type GridView } from "./body-row.tsx";
import { createBatchLoader } from "./batch-loader.ts";
import { sortedOrder, type SortState } from "./sort-rows.ts";
import { createVirtualRows } from "./virtual-rows.ts";
import { cellName, createGridFocus } from "./grid-focus.ts";
import { createGridSelection } from "./grid-selection.ts";
import { GridToolbar, saveFile } from "./grid-toolbar.tsx";
import { HeaderCell } from "./header-cell.tsx";
import { frameToCsv } from "./frame-csv.ts";
import { matchingRows } from "./row-filter.ts";
import { createColumnOrder } from "./column-order.ts";
import { createColumnResize, KEYBOARD_RESIZE_STEP } from "./column-resize.ts";
import { copiedText, isCopyKey, writeClipboard } from "./grid-clipboard.ts";
import { createFullScreen, FullScreenButton } from "./full-screen.tsx";
import { createServerOrder, LOCAL_SORT_BATCHES } from "./server-sort.ts";
import "./data.css";

const ROW_HEIGHT = 35;
const CHECK_WIDTH = 36;
/** Rows shown without scrolling when the app sets no height (Streamlit's default too). */
const DEFAULT_VISIBLE_ROWS = 10;

/**
 * A grid over a stored Arrow frame: rows are virtual (the DOM holds the
 * visible ones and a few more), batches are fetched as they scroll into view,
 * and a header's sort button sorts by that column (loading every batch first).
 * Made with `onSelect`, it lets the user select rows (checkboxes), columns (a
 * header click) or cells (a cell click), by mouse or keyboard (arrows move the
 * focused cell, Space and Enter select). Columns resize by their header's
 * right edge and reorder by dragging a header (or Alt+arrows and
 * Alt+Shift+arrows on a header); Ctrl/Cmd+C copies the selection or the
 * focused cell as tab-separated text; the toolbar's full-screen button
 * spreads the grid over the page (Escape closes it).
 */
export function Dataframe(props: ElementProps<"dataframe">) {
  let scroller: HTMLDivElement | undefined;
  const loader = createBatchLoader(
    () => props.el.batches,
    (id) => `${ROUTES.media}${id}`,
  );
  // The sort names its column: a column moved by the user keeps its sort.
  // A large frame's first rows alone: the first screen draws from them while batch 0 is not needed.
  const head = createBatchLoader(
    () => (props.el.head ? [props.el.head.id] : []),
    (id) => `${ROUTES.media}${id}`,
  );
  const headRows = () => props.el.head?.rows ?? 0;
  const [sort, setSort] = createSignal<{ name: string; descending: boolean } | undefined>();
  // New data (another frame on a rerun) drops the sort of the old one; the same batches keep it.
  createEffect(
    on(
      createMemo(() => props.el.batches.join()),
      () => setSort(undefined),
      { defer: true },
    ),
  );

  // A grid made with onSelect is a widget; its selection state lives as long as its id and modes.
  const selection = createMemo(
    on(
      createMemo(() => `${props.el.id} ${props.el.selection?.modes.join()}`),
      // on() runs this untracked: the selection is made once per id and modes.
      () => createGridSelection(() => props.el),
    ),
  );
  // A rerun sends new props; the same columns keep their cells (and the focus in them).
  const givenColumns = createMemo(() => props.el.columns, [], {
    equals: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  // The columns in the order the user arranged them, at the widths they gave them.
  const columnOrder = createColumnOrder(givenColumns);
  const columns = columnOrder.columns;
  const resize = createColumnResize();
  const fullScreen = createFullScreen();
  const rowCount = () => props.el.rowCount;
  const batchRows = () => Math.max(props.el.batchRows, 1);
  const showIndex = () => !props.el.hideIndex;
  const cellValue = (row: number, column: number): unknown => {
    const batch = Math.floor(row / batchRows());
    const vectors =
      loader.columns(batch, columns()) ??
      (row < headRows() ? head.columns(0, columns()) : undefined);
    return vectors?.[column]?.get(row - batch * batchRows());
  };
  const rowText = (row: number) =>
    columns()
      .map((column, at) => cellText(cellValue(row, at), column))
      .join("\u0000");
  const [query, setQuery] = createSignal("");
  // A download waits for every batch, then saves the whole frame as CSV.
  const [downloading, setDownloading] = createSignal(false);
  createEffect(
    on([downloading, loader.allLoaded], ([wanted, ready]) => {
      if (!wanted || !ready) return;
      setDownloading(false);
      const csv = frameToCsv(columns(), rowCount(), cellValue);
      saveFile(new Blob([csv], { type: "text/csv;charset=utf-8" }), "data.csv");
    }),
  );
  /** The frame's rows in the order shown, once sorted (undefined: as stored, or still loading). */
  const sortState = createMemo((): SortState | undefined => {
    const state = sort();
    const column = state ? columns().findIndex((shown) => shown.name === state.name) : -1;
    return state && column >= 0 ? { column, descending: state.descending } : undefined;
  });
  // A frame too large to load whole is sorted by the server; the page loads only the rows shown.
  const sortsOnServer = () => props.el.batches.length > LOCAL_SORT_BATCHES;
  const serverOrder = createServerOrder({
    batches: () => props.el.batches,
    sort,
    enabled: sortsOnServer,
  });
  const sorted = createMemo(() => {
    const state = sortState();
    if (state && sortsOnServer()) return serverOrder.order();
    if (!state || !loader.allLoaded()) return undefined;
    return sortedOrder(rowCount(), state, (row) => cellValue(row, state.column));
  });
  /** The rows shown: sorted, then those the search finds (once the whole frame is loaded). */
  const order = createMemo(() => {
    if (query().trim() === "" || !loader.allLoaded()) return sorted();
    return matchingRows(sorted(), rowCount(), query(), rowText);
  });
  const shownCount = () => order()?.length ?? rowCount();

  const sourceRow = (shown: number) => order()?.[shown] ?? shown;

  const rows = createVirtualRows({
    count: shownCount,
    scroller: () => scroller,
    rowHeight: ROW_HEIGHT,
    paddingStart: ROW_HEIGHT,
    overscan: 10,
  });

  // Fetch the batches of the rows in view (every batch once a sort asks for them all).
  createEffect(() => {
    if ((sort() && !sortsOnServer()) || query() !== "" || downloading()) return loader.loadAll();
    const shown = rows.indices().map(sourceRow);
    // Rows the head holds wait for no batch; sorted rows come from anywhere: each one's own batch.
    const beyondHead = shown.filter((row) => row >= headRows());
    if (beyondHead.length < shown.length || shown.length === 0) {
      if (headRows() > 0 && !loader.loaded(0)) head.load(0);
      else loader.load(0);
    }
    const batches = new Set(beyondHead.map((row) => Math.floor(row / batchRows())));
    for (const batch of batches) loader.load(batch);
  });

  // Wide enough for the longest row number (about 8 px a digit in the grid's font, and padding).
  const indexWidth = () => Math.max(48, String(rowCount()).length * 8 + 28);
  /** The widths of the checkbox and row number columns, those shown. */
  const leading = () => [
    ...(selection()?.rows ? [CHECK_WIDTH] : []),
    ...(showIndex() ? [indexWidth()] : []),
  ];
  const template = () => gridTemplate(leading(), columns(), resize.widths());
  const minWidth = () => gridMinWidth(leading(), columns(), resize.widths());
  // Pinned columns stick at the left, and so do the leading ones while any is pinned.
  const pinned = createMemo(() => pinnedOffsets(leading(), columns(), resize.widths()));
  const anyPinned = () => pinned().some((left) => left !== undefined);
  const height = () =>
    fullScreen.on()
      ? undefined
      : `${props.el.height ?? ROW_HEIGHT * (Math.min(rowCount(), DEFAULT_VISIBLE_ROWS) + 1) + 3}px`;
  const width = () =>
    typeof props.el.width === "number"
      ? `${props.el.width}px`
      : props.el.width === "content"
        ? "fit-content"
        : undefined;

  const toggleSort = (column: number) => {
    const state = sort();
    const name = columns()[column]?.name ?? "";
    if (state?.name !== name) setSort({ name, descending: false });
    else if (!state.descending) setSort({ name, descending: true });
    else setSort(undefined);
    scroller?.scrollTo({ top: 0 });
  };
  const ariaSort = (column: number) => {
    const state = sortState();
    if (state?.column !== column) return "none";
    return state.descending ? "descending" : "ascending";
  };

  // Selection: a header click selects its column, a cell click its cell, a checkbox its row.
  const columnName = (column: number) => columns()[column]?.name ?? "";
  const clickHeader = (column: number) => {
    const selecting = selection();
    if (selecting?.columns) selecting.toggleColumn(columnName(column));
    else toggleSort(column);
  };
  const clickCell = (shown: number, column: number) => {
    const selecting = selection();
    if (selecting?.cells) selecting.toggleCell(sourceRow(shown), columnName(column));
    else if (selecting?.rows) selecting.toggleRow(sourceRow(shown));
  };
  const focus = createGridFocus({
    rowCount: shownCount,
    columnCount: () => columns().length,
    scroller: () => scroller,
    rowHeight: ROW_HEIGHT,
    revealRow: (row) => rows.revealRow(row),
    onActivate: (cell, key) => {
      if (cell.row >= 0) clickCell(cell.row, cell.column);
      else if (key === "Enter") toggleSort(cell.column);
      else clickHeader(cell.column);
    },
  });
  const activeDrawn = () => {
    const row = focus.active().row;
    return row < 0 || rows.indices().includes(row);
  };
  const showCheckbox = () => selection()?.rows === true;
  const leadingColumns = () => (showCheckbox() ? 1 : 0) + (showIndex() ? 1 : 0);
  const multi = () => props.el.selection?.modes.some((mode) => mode.startsWith("multi-"));

  const view: GridView = {
    rowHeight: ROW_HEIGHT,
    rowTop: (shown) => rows.rowTop(shown),
    checkWidth: CHECK_WIDTH,
    sourceRow,
    columns,
    selection,
    showCheckbox,
    showIndex,
    anyPinned,
    pinned,
    leadingColumns,
    cellValue,
    focus,
    clickCell,
  };

  const copy = () =>
    writeClipboard(
      copiedText({
        columns: columns(),
        selection: selection(),
        active: focus.active(),
        rowCount: shownCount(),
        sourceRow,
        cellValue,
        allLoaded: loader.allLoaded(),
      }),
    );
  /** Alt+arrows on a header resize its column; Alt+Shift+arrows move it (and the focus with it). */
  const arrangeKey = (event: KeyboardEvent, column: number) => {
    const direction = event.key === "ArrowLeft" ? -1 : event.key === "ArrowRight" ? 1 : 0;
    if (!event.altKey || direction === 0) return;
    event.preventDefault();
    event.stopPropagation();
    const name = columnName(column);
    if (!event.shiftKey)
      resize.resizeBy(name, event.currentTarget as HTMLElement, direction * KEYBOARD_RESIZE_STEP);
    else {
      columnOrder.step(name, direction);
      const moved = columns().findIndex((shown) => shown.name === name);
      focus.activate({ row: -1, column: moved });
      queueMicrotask(() =>
        scroller?.querySelector<HTMLElement>(`[data-cell="${cellName(-1, moved)}"]`)?.focus(),
      );
    }
  };

  return (
    <div
      class="dataframe"
      classList={{ "dataframe-full-screen": fullScreen.on() }}
      role={fullScreen.on() ? "dialog" : undefined}
      aria-modal={fullScreen.on() ? "true" : undefined}
      aria-label={fullScreen.on() ? props.el.label || "Table" : undefined}
      style={{ width: fullScreen.on() ? undefined : width(), "--dataframe-columns": template() }}
    >
      <GridToolbar
        query={query()}
        onQuery={(text) => {
          setQuery(text);
          scroller?.scrollTo({ top: 0 });
        }}
        onDownload={() => setDownloading(true)}
        downloading={downloading()}
      >
        <FullScreenButton on={fullScreen.on()} onToggle={fullScreen.toggle} />
      </GridToolbar>
      <div
        class="dataframe-scroll"
        ref={scroller}
        role="grid"
        aria-label={props.el.label || undefined}
        aria-rowcount={shownCount() + 1}
        aria-colcount={columns().length + leadingColumns()}
        aria-readonly="true"
        aria-multiselectable={selection() ? multi() : undefined}
        aria-busy={
          loader.failed() || serverOrder.failed()
            ? undefined
            : serverOrder.pending() ||
              (!loader.allLoaded() &&
                (!(loader.loaded(0) || head.loaded(0)) ||
                  (!!sort() && !sortsOnServer()) ||
                  query() !== ""))
        }
        // The grid itself is tabbable only while its active cell is scrolled out of the DOM.
        tabIndex={activeDrawn() ? -1 : 0}
        onKeyDown={(event) => {
          if (!isCopyKey(event)) return focus.onKeyDown(event);
          event.preventDefault();
          copy();
        }}
        style={{ height: height() }}
      >
        <div
          class="dataframe-body"
          style={{
            height: `${rows.totalSize()}px`,
            "min-width": `${minWidth()}px`,
          }}
        >
          <div class="dataframe-row dataframe-header" role="row" aria-rowindex={1}>
            <Show when={showCheckbox()}>
              <div
                role="columnheader"
                class="dataframe-check"
                classList={{ pinned: anyPinned() }}
                style={anyPinned() ? stickyStyle(0) : undefined}
                aria-colindex={1}
              />
            </Show>
            <Show when={showIndex()}>
              <div
                role="columnheader"
                class="dataframe-index"
                classList={{ pinned: anyPinned() }}
                style={anyPinned() ? stickyStyle(showCheckbox() ? CHECK_WIDTH : 0) : undefined}
                aria-colindex={leadingColumns()}
              />
            </Show>
            <For each={columns()}>
              {(column, at) => (
                <HeaderCell
                  column={column}
                  colIndex={leadingColumns() + at() + 1}
                  sort={ariaSort(at())}
                  selected={
                    selection()?.columns ? selection()!.columnSelected(column.name) : undefined
                  }
                  cellName={cellName(-1, at())}
                  pinnedAt={pinned()[at()]}
                  tabIndex={focus.tabIndex(-1, at())}
                  onClick={() => {
                    focus.activate({ row: -1, column: at() });
                    clickHeader(at());
                  }}
                  onSort={() => {
                    focus.activate({ row: -1, column: at() });
                    toggleSort(at());
                  }}
                  onPointerDown={(event) => columnOrder.startDrag(event, column.name)}
                  onResizeStart={(event) => resize.startDrag(event, column.name)}
                  onKeyDown={(event) => arrangeKey(event, at())}
                  dragging={columnOrder.dragging() === column.name}
                />
              )}
            </For>
          </div>
          <For each={rows.indices()}>{(index) => <BodyRow index={index} grid={view} />}</For>
        </div>
      </div>
      <Show when={loader.failed()}>
        <p class="data-note" role="alert">
          Some rows could not be loaded; scrolling to them asks again.
        </p>
      </Show>
    </div>
  );
}
