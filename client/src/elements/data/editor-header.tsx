import { For, Show, type Accessor } from "solid-js";
import type { DataColumn } from "../../../../src/protocol/index.ts";
import { stickyStyle } from "./column-layout.ts";

/** What the editor's header row shows. */
export interface EditorHeaderProps {
  columns: DataColumn[];
  /** A column for the rows' checkboxes (a dynamic editor). */
  showCheckbox: boolean;
  showIndex: boolean;
  leadingColumns: number;
  pinned: (number | undefined)[];
  editable(column: number): boolean;
  /** How the rows are sorted by a column (aria-sort). */
  sort(column: number): "ascending" | "descending" | "none";
  /** A click on a header or its sort button: sorts by it (ascending, descending, then as given). */
  onSort(column: number): void;
}

/**
 * The editor's header row: each column's label and tooltip, and the sort
 * button the dataframe's headers have; a column the user cannot edit is
 * marked read-only (and shown muted).
 * @example <EditorHeader columns={columns} showCheckbox showIndex leadingColumns={2} pinned={[]} editable={() => true} sort={() => "none"} onSort={toggleSort} />
 */
export function EditorHeader(props: EditorHeaderProps) {
  return (
    <div class="dataframe-row dataframe-header" role="row" aria-rowindex={1}>
      <Show when={props.showCheckbox}>
        <div role="columnheader" class="dataframe-check" aria-colindex={1} />
      </Show>
      <Show when={props.showIndex}>
        <div role="columnheader" class="dataframe-index" aria-colindex={props.leadingColumns} />
      </Show>
      <For each={props.columns}>
        {(column, at) => (
          <HeaderLabel
            column={column}
            colIndex={props.leadingColumns + at() + 1}
            pinnedAt={props.pinned[at()]}
            editable={() => props.editable(at())}
            sort={props.sort(at())}
            onSort={() => props.onSort(at())}
          />
        )}
      </For>
    </div>
  );
}

// --- Internal helpers ---

function HeaderLabel(props: {
  column: DataColumn;
  colIndex: number;
  pinnedAt: number | undefined;
  editable: Accessor<boolean>;
  sort: "ascending" | "descending" | "none";
  onSort(): void;
}) {
  const label = () => props.column.display?.label ?? props.column.name;
  return (
    <div
      role="columnheader"
      aria-colindex={props.colIndex}
      aria-sort={props.sort}
      aria-readonly={props.editable() ? undefined : true}
      classList={{ pinned: props.pinnedAt !== undefined, "editor-readonly": !props.editable() }}
      style={stickyStyle(props.pinnedAt)}
      title={props.column.display?.help}
      onClick={() => props.onSort()}
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
    </div>
  );
}
