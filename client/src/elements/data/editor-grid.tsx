import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { cellProblem } from "../../../../src/protocol/edit-cell.ts";
import {
  ROUTES,
  type DataColumn,
  type EditCell,
  type EditDiff,
} from "../../../../src/protocol/index.ts";
import type { ElementProps } from "../element-props.ts";
import { createWidgetValue } from "../inputs/widget-value.ts";
import { BodyRow, type GridView } from "./body-row.tsx";
import { createBatchLoader } from "./batch-loader.ts";
import { gridMinWidth, gridTemplate, pinnedOffsets } from "./column-layout.ts";
import { CELL_ATTRIBUTE, cellName, createGridFocus } from "./grid-focus.ts";
import { createVirtualRows } from "./virtual-rows.ts";
import { CellInput } from "./editor-cell-input.tsx";
import { editedCell, withCell } from "./editor-diff.ts";
import { createCellEditing } from "./editor-editing.ts";
import { EditorHeader } from "./editor-header.tsx";
import { parseTabular, planPaste } from "./editor-paste.ts";
import { commitPaste } from "./editor-paste-commit.ts";
import { editorKeyHandler } from "./editor-keys.ts";
import { createEditorRefusals } from "./editor-refusals.ts";
import { createEditorView } from "./editor-view.ts";
import { createEditorRows } from "./editor-rows.ts";
import { EditorToolbar } from "./editor-toolbar.tsx";
import { shownValue, togglesInPlace } from "./editor-value.ts";
import { GridToolbar } from "./grid-toolbar.tsx";
import "./data.css";
import "./editor.css";

const ROW_HEIGHT = 35;
const CHECK_WIDTH = 36;
const DEFAULT_VISIBLE_ROWS = 10;

/**
 * `st.dataEditor`'s grid: the dataframe's virtual rows over the stored
 * batches, with the widget's edit diff applied on top. Double-click, Enter
 * or typing opens a cell's input (Enter or Tab commits, Escape cancels);
 * a checkbox cell toggles with a click or Space. With `dynamic`, a toolbar
 * adds rows and deletes the ticked ones. Each commit sends the whole diff.
 * A header sorts the rows and the toolbar's search (or Ctrl/Cmd+F) filters
 * them, as the dataframe's do; edits still name the rows of the data. A
 * tab-separated block pasted at the focused cell fills cells right and down
 * (adding rows in a dynamic editor) in one commit. A cell whose edit does not
 * fit its column keeps its value and is marked with the reason.
 */
export function DataEditor(props: ElementProps<"dataEditor">) {
  let scroller: HTMLDivElement | undefined;
  let body: HTMLDivElement | undefined;
  const loader = createBatchLoader(
    () => props.el.batches,
    (id) => `${ROUTES.media}${id}`,
  );
  const state = createWidgetValue<EditDiff>(
    () => props.el,
    () => props.el.value,
  );
  const diff = () => state.value();
  // A boolean column edits as a checkbox, so it shows as one.
  const columns = createMemo(
    () => props.el.columns.map((column, at) => shownAsEdited(column, props.el.rules[at]?.kind)),
    [],
    { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  const rulesOf = (column: number) => props.el.rules[column];
  const rowCount = () => props.el.rowCount;
  const batchRows = () => Math.max(props.el.batchRows, 1);
  const rows = createEditorRows({
    diff,
    rowCount,
    columns: () => columns().map((column, at) => ({ name: column.name, rules: rulesOf(at)! })),
    commit: (next) => state.commit(next),
  });
  const refusals = createEditorRefusals();
  // The last refusal, read out by screen readers (the cell itself carries it as its description).
  const [announcement, announce] = createSignal("");
  const [searchOpen, setSearchOpen] = createSignal(false);
  // New data drops the pending rows, the sort and the marks of the old.
  createEffect(
    on(
      createMemo(() => props.el.batches.join()),
      () => {
        rows.reset();
        refusals.clear();
        view.clearSort();
      },
      { defer: true },
    ),
  );

  const cellValue = (row: number, column: number): unknown => {
    const name = columns()[column]?.name ?? "";
    const edited = editedCell(diff(), rowCount(), rows.pending(), row, name);
    return edited ? shownValue(edited.value, rulesOf(column)!) : storedValue(row, column);
  };
  function storedValue(row: number, column: number): unknown {
    const batch = Math.floor(row / batchRows());
    return loader.columns(batch, columns())?.[column]?.get(row - batch * batchRows());
  }
  const view = createEditorView({
    batches: () => props.el.batches,
    rowCount,
    columns,
    diff,
    pendingCount: () => rows.pending().length,
    allLoaded: loader.allLoaded,
    cellValue,
    storedValue,
  });
  const { shownCount, sourceRow } = view;

  const virtualRows = createVirtualRows({
    count: shownCount,
    scroller: () => scroller,
    rowHeight: ROW_HEIGHT,
    paddingStart: ROW_HEIGHT,
    overscan: 10,
  });
  // Fetch the batches of the data's rows in view (every batch for a sort in the page or a search).
  createEffect(() => {
    if (view.needsAll()) return loader.loadAll();
    const shown = virtualRows.indices();
    if (shown.length === 0) return loader.load(0);
    const first = Math.floor(Math.min(sourceRow(shown[0]!), rowCount() - 1) / batchRows());
    const last = Math.floor(
      Math.min(sourceRow(shown[shown.length - 1]!), rowCount() - 1) / batchRows(),
    );
    for (let batch = first; batch <= last; batch++) loader.load(batch);
  });

  const focusCell = (shown: number, column: number) => {
    const row = Math.max(0, Math.min(shownCount() - 1, shown));
    const at = Math.max(0, Math.min(columns().length - 1, column));
    focus.activate({ row, column: at });
    requestAnimationFrame(() =>
      body?.querySelector<HTMLElement>(`[${CELL_ATTRIBUTE}="${cellName(row, at)}"]`)?.focus(),
    );
  };
  const setCell = (row: number, column: number, value: EditCell) => {
    const name = columns()[column]!.name;
    // Checked as the server checks it: a cell that does not fit is marked, and nothing is sent.
    const reason = cellProblem(value, name, rulesOf(column)!);
    refusals.set([{ row, column: name, reason }]);
    if (reason) return announce(reason);
    const pendingIndex = row - rowCount() - diff().addedRows.length;
    if (pendingIndex >= 0) rows.setPendingCell(pendingIndex, name, value);
    else state.commit(withCell(diff(), rowCount(), row, name, value));
  };
  const cells = createCellEditing({
    rowHeight: ROW_HEIGHT,
    body: () => body,
    disabled: () => props.el.disabled === true,
    rulesOf,
    sourceRow,
    cellValue,
    setCell,
    focusCell,
  });
  const startEdit = cells.start;

  /** Fills cells from a pasted block at the focused cell: one commit for every cell taken. */
  const paste = (text: string) => {
    const at = focus.active();
    if (at.row < 0 || props.el.disabled === true) return;
    const plan = planPaste(parseTabular(text), {
      shown: at.row,
      column: at.column,
      shownCount: shownCount(),
      sourceRow,
      columns: columns().map((column, index) => ({ name: column.name, rules: rulesOf(index)! })),
      editable: cells.editable,
      dynamic: dynamic(),
    });
    commitPaste(plan, {
      diff,
      rowCount,
      rows,
      refusals,
      commit: (next) => state.commit(next),
      announce,
    });
  };

  const focus = createGridFocus({
    rowCount: shownCount,
    columnCount: () => columns().length,
    scroller: () => scroller,
    rowHeight: ROW_HEIGHT,
    onActivate: (cell, key) => {
      if (cell.row < 0) return;
      if (key === "Enter" || togglesInPlace(rulesOf(cell.column)!))
        startEdit(cell.row, cell.column);
    },
  });
  const onKeyDown = editorKeyHandler({
    cells,
    focus,
    rulesOf,
    sourceRow,
    setCell,
    openSearch: () => setSearchOpen(true),
  });
  /** The cell an event happened in: its shown row and column, or undefined outside the body's cells. */
  const cellOf = (event: MouseEvent) => {
    const target =
      event.target instanceof Element ? event.target.closest(`[${CELL_ATTRIBUTE}]`) : null;
    const [row, column] = (target?.getAttribute(CELL_ATTRIBUTE) ?? "").split(":").map(Number);
    return row !== undefined && row >= 0 && column !== undefined && !Number.isNaN(column)
      ? { row, column }
      : undefined;
  };

  const dynamic = () => props.el.dynamic === true;
  const showIndex = () => !props.el.hideIndex;
  const indexWidth = () => Math.max(48, String(shownCount()).length * 8 + 28);
  const leading = () => [
    ...(dynamic() ? [CHECK_WIDTH] : []),
    ...(showIndex() ? [indexWidth()] : []),
  ];
  const leadingColumns = () => (dynamic() ? 1 : 0) + (showIndex() ? 1 : 0);
  const pinned = createMemo(() => pinnedOffsets(leading(), columns()));
  const anyPinned = () => pinned().some((left) => left !== undefined);
  const height = () =>
    props.el.height ?? ROW_HEIGHT * (Math.min(shownCount(), DEFAULT_VISIBLE_ROWS) + 1) + 3;
  const width = () =>
    typeof props.el.width === "number"
      ? `${props.el.width}px`
      : props.el.width === "content"
        ? "fit-content"
        : undefined;

  const gridView: GridView = {
    rowHeight: ROW_HEIGHT,
    rowTop: (shown) => virtualRows.rowTop(shown),
    checkWidth: CHECK_WIDTH,
    sourceRow,
    columns,
    selection: () => (dynamic() ? rows.selection : undefined),
    showCheckbox: dynamic,
    showIndex,
    anyPinned,
    pinned,
    leadingColumns,
    cellValue,
    focus,
    clickCell: () => {},
    cellProblem: (row, column) => {
      const name = columns()[column]?.name ?? "";
      const reason = refusals.reason(row, name);
      return reason === undefined
        ? undefined
        : { id: `${props.el.id}-refused-${row}-${column}`, reason };
    },
  };

  return (
    <div
      class="dataframe data-editor"
      style={{ width: width(), "--dataframe-columns": gridTemplate(leading(), columns()) }}
    >
      <GridToolbar
        query={view.query()}
        onQuery={(text) => {
          view.setQuery(text);
          scroller?.scrollTo({ top: 0 });
        }}
        searchOpen={searchOpen()}
        onSearchOpen={setSearchOpen}
      />
      <Show when={dynamic()}>
        <EditorToolbar
          ticked={rows.ticked().length}
          onAdd={() => {
            rows.addRow();
            focusCell(
              shownCount() - 1,
              Math.max(
                0,
                columns().findIndex((_, at) => cells.editable(at)),
              ),
            );
            scroller?.scrollTo({ top: scroller.scrollHeight });
          }}
          onDelete={rows.deleteTicked}
        />
      </Show>
      <div
        class="dataframe-scroll"
        ref={scroller}
        role="grid"
        aria-label={props.el.label || "Data editor"}
        aria-rowcount={shownCount() + 1}
        aria-colcount={columns().length + leadingColumns()}
        aria-multiselectable={dynamic() ? true : undefined}
        aria-busy={
          loader.failed() || view.serverOrder.failed()
            ? undefined
            : view.serverOrder.pending() ||
              (rowCount() > 0 && (!loader.loaded(0) || (view.needsAll() && !loader.allLoaded())))
        }
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onPaste={(event) => {
          // A paste into the open input is the input's.
          const text = event.clipboardData?.getData("text/plain");
          if (cells.editing() || !text) return;
          event.preventDefault();
          paste(text);
        }}
        onClick={(event) => {
          const cell = cellOf(event);
          const rules = cell && rulesOf(cell.column);
          if (cell && rules && togglesInPlace(rules)) startEdit(cell.row, cell.column);
        }}
        onDblClick={(event) => {
          const cell = cellOf(event);
          if (cell) startEdit(cell.row, cell.column);
        }}
        style={{ height: `${height()}px` }}
      >
        <div
          class="dataframe-body"
          ref={body}
          style={{
            height: `${virtualRows.totalSize()}px`,
            "min-width": `${gridMinWidth(leading(), columns())}px`,
          }}
        >
          <EditorHeader
            columns={columns()}
            showCheckbox={dynamic()}
            showIndex={showIndex()}
            leadingColumns={leadingColumns()}
            pinned={pinned()}
            editable={cells.editable}
            sort={view.ariaSort}
            onSort={(column) => {
              view.toggleSort(column);
              scroller?.scrollTo({ top: 0 });
            }}
          />
          <For each={virtualRows.indices()}>
            {(index) => <BodyRow index={index} grid={gridView} />}
          </For>
          <Show when={cells.editing()}>
            {(edit) => (
              <CellInput
                rules={rulesOf(edit().column)!}
                label={
                  columns()[edit().column]?.display?.label ?? columns()[edit().column]?.name ?? ""
                }
                initial={edit().initial}
                problem={cells.problem()}
                box={edit().box}
                onCommit={cells.commit}
                onCancel={cells.cancel}
              />
            )}
          </Show>
        </div>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {announcement()}
      </p>
      <Show when={loader.failed()}>
        <p class="data-note" role="alert">
          Some rows could not be loaded; scrolling to them asks again.
        </p>
      </Show>
    </div>
  );
}

// --- Internal helpers ---

function shownAsEdited(column: DataColumn, kind: string | undefined): DataColumn {
  if (kind !== "checkbox" || column.display) return column;
  return { name: column.name, type: column.type, display: { type: "checkbox" } };
}
