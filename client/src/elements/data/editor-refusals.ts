import { createSignal } from "solid-js";

/** The cells whose last edit was refused, by row (the editor's numbering) and column name. */
export interface EditorRefusals {
  /** Why the cell's last edit was refused, or undefined when it was not. */
  reason(row: number, column: string): string | undefined;
  /** Marks cells refused (`reason`) or clears them (`undefined`), in one update. */
  set(cells: { row: number; column: string; reason: string | undefined }[]): void;
  /** Forgets every refusal (new data). */
  clear(): void;
}

/**
 * The editor's refused cells: a cell keeps its old value and is marked with
 * the reason until an edit of it is taken, so the user sees where and why.
 * @example const refusals = createEditorRefusals(); refusals.set([{ row: 3, column: "price", reason: "…" }]);
 */
export function createEditorRefusals(): EditorRefusals {
  const [reasons, setReasons] = createSignal<ReadonlyMap<string, string>>(new Map());
  return {
    reason: (row, column) => reasons().get(cellKey(row, column)),
    set(cells) {
      const next = new Map(reasons());
      for (const { row, column, reason } of cells)
        if (reason === undefined) next.delete(cellKey(row, column));
        else next.set(cellKey(row, column), reason);
      setReasons(next);
    },
    clear: () => setReasons(new Map()),
  };
}

// --- Internal helpers ---

function cellKey(row: number, column: string): string {
  return `${row}\u0000${column}`;
}
