import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { ROUTES } from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { formatCell, isNumeric } from "./format-cell.ts";
import { createBatchLoader } from "./batch-loader.ts";
import { sortedOrder, type SortState } from "./sort-rows.ts";
import { createVirtualRows } from "./virtual-rows.ts";
import "./data.css";

const ROW_HEIGHT = 35;
const COLUMN_WIDTH = 150;
/** Rows shown without scrolling when the app sets no height (Streamlit's default too). */
const DEFAULT_VISIBLE_ROWS = 10;

/**
 * A read-only grid over a stored Arrow frame: rows are virtual (the DOM holds
 * the visible ones and a few more), batches are fetched as they scroll into
 * view, and a click on a header sorts by that column (loading every batch first).
 */
export function Dataframe(props: ElementProps<"dataframe">) {
  let scroller: HTMLDivElement | undefined;
  const loader = createBatchLoader(
    () => props.el.batches,
    (id) => `${ROUTES.media}${id}`,
  );
  const [sort, setSort] = createSignal<SortState | undefined>();
  // New data (another frame on a rerun) drops the sort of the old one.
  createEffect(
    on(
      () => props.el.batches,
      () => setSort(undefined),
      { defer: true },
    ),
  );

  const rowCount = () => props.el.rowCount;
  const batchRows = () => Math.max(props.el.batchRows, 1);
  const showIndex = () => !props.el.hideIndex;
  /** The frame's rows in the order shown, once sorted (undefined: as stored, or still loading). */
  const order = createMemo(() => {
    const state = sort();
    if (!state || !loader.allLoaded()) return undefined;
    return sortedOrder(rowCount(), state, (row) => cellValue(row, state.column));
  });

  const cellValue = (row: number, column: number): unknown => {
    const batch = Math.floor(row / batchRows());
    const vectors = loader.columns(batch, props.el.columns);
    return vectors?.[column]?.get(row - batch * batchRows());
  };
  const sourceRow = (shown: number) => order()?.[shown] ?? shown;

  const rows = createVirtualRows({
    count: rowCount,
    scroller: () => scroller,
    rowHeight: ROW_HEIGHT,
    paddingStart: ROW_HEIGHT,
    overscan: 10,
  });

  // Fetch the batches of the rows in view (every batch once a sort asks for them all).
  createEffect(() => {
    if (sort()) return loader.loadAll();
    const shown = rows.indices();
    if (shown.length === 0) return loader.load(0);
    const first = Math.floor(shown[0]! / batchRows());
    const last = Math.floor(shown[shown.length - 1]! / batchRows());
    for (let batch = first; batch <= last; batch++) loader.load(batch);
  });

  // Wide enough for the longest row number (about 8 px a digit in the grid's font, and padding).
  const indexWidth = () => Math.max(48, String(rowCount()).length * 8 + 28);
  const template = () =>
    `${showIndex() ? `${indexWidth()}px ` : ""}repeat(${props.el.columns.length}, minmax(${COLUMN_WIDTH}px, 1fr))`;
  const minWidth = () => (showIndex() ? indexWidth() : 0) + props.el.columns.length * COLUMN_WIDTH;
  const height = () =>
    props.el.height ?? ROW_HEIGHT * (Math.min(rowCount(), DEFAULT_VISIBLE_ROWS) + 1) + 3;
  const width = () =>
    typeof props.el.width === "number"
      ? `${props.el.width}px`
      : props.el.width === "content"
        ? "fit-content"
        : undefined;

  const toggleSort = (column: number) => {
    const state = sort();
    if (state?.column !== column) setSort({ column, descending: false });
    else if (!state.descending) setSort({ column, descending: true });
    else setSort(undefined);
    scroller?.scrollTo({ top: 0 });
  };
  const ariaSort = (column: number) => {
    const state = sort();
    if (state?.column !== column) return "none";
    return state.descending ? "descending" : "ascending";
  };

  return (
    <div class="dataframe" style={{ width: width(), "--dataframe-columns": template() }}>
      <div
        class="dataframe-scroll"
        ref={scroller}
        role="grid"
        aria-rowcount={rowCount() + 1}
        aria-colcount={props.el.columns.length + (showIndex() ? 1 : 0)}
        aria-readonly="true"
        aria-busy={
          loader.failed() ? undefined : !loader.allLoaded() && (!loader.loaded(0) || !!sort())
        }
        tabIndex={0}
        style={{ height: `${height()}px` }}
      >
        <div
          class="dataframe-body"
          style={{
            height: `${rows.totalSize()}px`,
            "min-width": `${minWidth()}px`,
          }}
        >
          <div class="dataframe-row dataframe-header" role="row" aria-rowindex={1}>
            <Show when={showIndex()}>
              <div role="columnheader" class="dataframe-index" />
            </Show>
            <For each={props.el.columns}>
              {(column, at) => (
                <div
                  role="columnheader"
                  aria-sort={ariaSort(at())}
                  classList={{ numeric: isNumeric(column.type) }}
                >
                  <button type="button" title="Sort" onClick={() => toggleSort(at())}>
                    <span>{column.name}</span>
                    <span class="dataframe-sort" aria-hidden="true">
                      {ariaSort(at()) === "ascending"
                        ? "↑"
                        : ariaSort(at()) === "descending"
                          ? "↓"
                          : ""}
                    </span>
                  </button>
                </div>
              )}
            </For>
          </div>
          <For each={rows.indices()}>
            {(index) => {
              const row = () => sourceRow(index);
              return (
                <div
                  class="dataframe-row"
                  role="row"
                  aria-rowindex={index + 2}
                  style={{ transform: `translateY(${(index + 1) * ROW_HEIGHT}px)` }}
                >
                  <Show when={showIndex()}>
                    <div role="rowheader" class="dataframe-index">
                      {row()}
                    </div>
                  </Show>
                  <For each={props.el.columns}>
                    {(column, at) => (
                      <div role="gridcell" classList={{ numeric: isNumeric(column.type) }}>
                        {formatCell(cellValue(row(), at()), column.type)}
                      </div>
                    )}
                  </For>
                </div>
              );
            }}
          </For>
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
