import { createMemo, createSignal, untrack, type Accessor } from "solid-js";
import type { DataColumn, EditDiff } from "../../../../src/protocol/index.ts";
import { cellText } from "./cell-text.ts";
import { editorOrder } from "./editor-order.ts";
import { createServerOrder, LOCAL_SORT_BATCHES, type ServerOrder } from "./server-sort.ts";
import { sortedOrder, type SortState } from "./sort-rows.ts";

/** What the editor's sort and search read of it. */
export interface EditorViewOptions {
  batches: Accessor<string[]>;
  rowCount: Accessor<number>;
  columns: Accessor<DataColumn[]>;
  diff: Accessor<EditDiff>;
  pendingCount: Accessor<number>;
  /** True once every batch is loaded (a sort in the page and a search need them). */
  allLoaded: Accessor<boolean>;
  /** A cell as shown: its edit, else the data's value. */
  cellValue(row: number, column: number): unknown;
  /** A cell of the data as given (no edit), for the search's text of unedited rows. */
  storedValue(row: number, column: number): unknown;
}

/** The rows as the user arranged them: sorted by a column, filtered by a search. */
export interface EditorView {
  sort: Accessor<{ name: string; descending: boolean } | undefined>;
  /** A header's click: ascending, then descending, then as given. */
  toggleSort(column: number): void;
  clearSort(): void;
  ariaSort(column: number): "ascending" | "descending" | "none";
  query: Accessor<string>;
  setQuery(query: string): void;
  /** True when the view needs every batch in the page (a sort there, or a search). */
  needsAll: Accessor<boolean>;
  serverOrder: ServerOrder;
  shownCount: Accessor<number>;
  /** The row (the diff's numbering) shown at a position. */
  sourceRow(shown: number): number;
}

/**
 * The editor's sort and search, as the dataframe's: a sort orders the
 * data's rows by their shown (edited) values as the user sorts (a later edit
 * does not move its row), in the page, or asks the server
 * for a frame too large to load; the search keeps the rows whose text holds
 * the query. Rows keep their numbers, so edits address the data's rows.
 * @example const view = createEditorView({ batches, rowCount, columns, diff, pendingCount, allLoaded, cellValue, storedValue });
 */
export function createEditorView(options: EditorViewOptions): EditorView {
  const [sort, setSort] = createSignal<{ name: string; descending: boolean }>();
  const [query, setQuery] = createSignal("");
  const sortState = createMemo((): SortState | undefined => {
    const state = sort();
    const column = state ? options.columns().findIndex((shown) => shown.name === state.name) : -1;
    return state && column >= 0 ? { column, descending: state.descending } : undefined;
  });
  const sortsOnServer = () => options.batches().length > LOCAL_SORT_BATCHES;
  const serverOrder = createServerOrder({ batches: options.batches, sort, enabled: sortsOnServer });
  const sorted = createMemo(() => {
    const state = sortState();
    if (state && sortsOnServer()) return serverOrder.order();
    if (!state || !options.allLoaded()) return undefined;
    // The order is taken when the user sorts: an edit does not move its row from under them.
    return untrack(() =>
      sortedOrder(options.rowCount(), state, (row) => options.cellValue(row, state.column)),
    );
  });
  const textOf = (value: (column: number) => unknown) =>
    options
      .columns()
      .map((column, at) => cellText(value(at), column))
      .join("\u0000")
      .toLocaleLowerCase();
  // The search's text of the data's rows, made once per frame: an edit re-reads only its row.
  const storedTexts = createMemo(() => {
    if (!options.allLoaded() || query().trim() === "") return undefined;
    return Array.from({ length: options.rowCount() }, (_, row) =>
      textOf((column) => options.storedValue(row, column)),
    );
  });
  const allRows = () =>
    options.rowCount() + options.diff().addedRows.length + options.pendingCount();
  const order = createMemo(() => {
    const diff = options.diff();
    const arranged = editorOrder(options.rowCount(), diff, options.pendingCount(), sorted());
    const texts = storedTexts();
    const wanted = query().trim().toLocaleLowerCase();
    if (wanted === "" || !texts) return arranged;
    const count = arranged?.length ?? allRows();
    const found: number[] = [];
    for (let shown = 0; shown < count; shown++) {
      const row = arranged ? arranged[shown]! : shown;
      const text =
        row < texts.length && !Object.hasOwn(diff.editedRows, String(row))
          ? texts[row]!
          : textOf((column) => options.cellValue(row, column));
      if (text.includes(wanted)) found.push(row);
    }
    return Int32Array.from(found);
  });
  return {
    sort,
    toggleSort(column) {
      const state = sort();
      const name = options.columns()[column]?.name ?? "";
      if (state?.name !== name) setSort({ name, descending: false });
      else if (!state.descending) setSort({ name, descending: true });
      else setSort(undefined);
    },
    clearSort: () => setSort(undefined),
    ariaSort(column) {
      const state = sortState();
      if (state?.column !== column) return "none";
      return state.descending ? "descending" : "ascending";
    },
    query,
    setQuery,
    needsAll: () => (!!sort() && !sortsOnServer()) || query() !== "",
    serverOrder,
    shownCount: () => order()?.length ?? allRows(),
    sourceRow: (shown) => order()?.[shown] ?? shown,
  };
}
