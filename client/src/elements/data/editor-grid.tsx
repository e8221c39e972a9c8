import { createEffect, createMemo, For, on, Show } from "solid-js";
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
import { editedCell, shownRows, withCell } from "./editor-diff.ts";
import { createCellEditing } from "./editor-editing.ts";
import { EditorHeader } from "./editor-header.tsx";
import { createEditorRows } from "./editor-rows.ts";
import { EditorToolbar } from "./editor-toolbar.tsx";
import { shownValue, togglesInPlace } from "./editor-value.ts";
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
  createEffect(on(() => props.el.batches.join(), rows.reset, { defer: true }));

  const order = createMemo(() => shownRows(rowCount(), diff(), rows.pending().length));
  const shownCount = () =>
    order()?.length ?? rowCount() + diff().addedRows.length + rows.pending().length;
  const sourceRow = (shown: number) => order()?.[shown] ?? shown;
  const cellValue = (row: number, column: number): unknown => {
    const name = columns()[column]?.name ?? "";
    const edited = editedCell(diff(), rowCount(), rows.pending(), row, name);
    if (edited) return shownValue(edited.value, rulesOf(column)!);
    const batch = Math.floor(row / batchRows());
    return loader.columns(batch, columns())?.[column]?.get(row - batch * batchRows());
  };

  const virtualRows = createVirtualRows({
    count: shownCount,
    scroller: () => scroller,
    rowHeight: ROW_HEIGHT,
    paddingStart: ROW_HEIGHT,
    overscan: 10,
  });
  // Fetch the batches of the data's rows in view.
  createEffect(() => {
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
  const onKeyDown = (event: KeyboardEvent) => {
    if (cells.editing()) return;
    const cell = focus.active();
    const onCell = event.target instanceof HTMLElement && event.target.hasAttribute(CELL_ATTRIBUTE);
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    const kind = rulesOf(cell.column)?.kind;
    if (
      onCell &&
      cell.row >= 0 &&
      typed &&
      event.key !== " " &&
      (kind === "text" || kind === "number" || kind === "integer")
    ) {
      event.preventDefault();
      return startEdit(cell.row, cell.column, event.key);
    }
    if (onCell && cell.row >= 0 && event.key === "F2") {
      event.preventDefault();
      return startEdit(cell.row, cell.column);
    }
    // Delete or Backspace empties the cell (a required one is refused by the server, with its reason).
    const clears = event.key === "Delete" || event.key === "Backspace";
    if (onCell && cell.row >= 0 && clears && cells.editable(cell.column) && kind !== "checkbox") {
      event.preventDefault();
      return setCell(sourceRow(cell.row), cell.column, null);
    }
    focus.onKeyDown(event);
  };
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

  const view: GridView = {
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
  };

  return (
    <div
      class="dataframe data-editor"
      style={{ width: width(), "--dataframe-columns": gridTemplate(leading(), columns()) }}
    >
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
        aria-busy={loader.failed() ? undefined : !loader.loaded(0) && rowCount() > 0}
        tabIndex={-1}
        onKeyDown={onKeyDown}
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
          />
          <For each={virtualRows.indices()}>{(index) => <BodyRow index={index} grid={view} />}</For>
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
