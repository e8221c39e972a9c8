import { createMemo, createSignal, type Accessor } from "solid-js";
import type { DataColumn } from "../../../../src/protocol/index.ts";

/** Pixels the pointer moves on a header before a press becomes a drag (less is a click). */
const DRAG_THRESHOLD = 6;
/** The attribute a header carries with its column's name, so a drop finds its target. */
export const COLUMN_ATTRIBUTE = "data-column";

/** The order the user gave the grid's columns (by dragging headers, or from the keyboard). */
export interface ColumnOrder {
  /** The columns in the order shown (the same objects as given, so rows keep their cells). */
  columns: Accessor<DataColumn[]>;
  /** The column being dragged, while a drag is under way. */
  dragging: Accessor<string | undefined>;
  /** Moves a column to stand where `target` stands (pinned and other columns each keep to their side). */
  move(name: string, target: string): void;
  /** Moves a column one place left (-1) or right (1). */
  step(name: string, direction: -1 | 1): void;
  /** A press on a header: past a few pixels of movement, a drag that drops on another header. */
  startDrag(event: PointerEvent, name: string): void;
}

/**
 * The grid's columns in the order the user arranged them. A rerun that keeps
 * the same columns keeps the order; new columns join at the end.
 * @example const order = createColumnOrder(() => props.el.columns); order.move("price", "name");
 */
export function createColumnOrder(given: Accessor<DataColumn[]>): ColumnOrder {
  const [names, setNames] = createSignal<string[]>([]);
  const [dragging, setDragging] = createSignal<string | undefined>();
  const columns = createMemo(() => arranged(given(), names()));

  const move = (name: string, target: string) => {
    const current = columns();
    const from = current.findIndex((column) => column.name === name);
    const to = current.findIndex((column) => column.name === target);
    if (from < 0 || to < 0 || from === to) return;
    if (!!current[from]!.display?.pinned !== !!current[to]!.display?.pinned) return;
    const order = current.map((column) => column.name);
    order.splice(from, 1);
    order.splice(to, 0, name);
    setNames(order);
  };

  return {
    columns,
    dragging,
    move,
    step(name, direction) {
      const current = columns();
      const at = current.findIndex((column) => column.name === name);
      const target = current[at + direction];
      if (target) move(name, target.name);
    },
    startDrag(event, name) {
      if (event.button !== 0) return;
      const startX = event.clientX;
      const startY = event.clientY;
      let dragged = false;
      const moveTo = (moved: PointerEvent) => {
        if (!dragged && Math.hypot(moved.clientX - startX, moved.clientY - startY) < DRAG_THRESHOLD)
          return;
        dragged = true;
        setDragging(name);
      };
      const drop = (released: PointerEvent) => {
        window.removeEventListener("pointermove", moveTo);
        window.removeEventListener("pointerup", drop);
        setDragging(undefined);
        if (!dragged) return;
        const target = document
          .elementFromPoint(released.clientX, released.clientY)
          ?.closest(`[${COLUMN_ATTRIBUTE}]`)
          ?.getAttribute(COLUMN_ATTRIBUTE);
        if (target) move(name, target);
        swallowNextClick();
      };
      window.addEventListener("pointermove", moveTo);
      window.addEventListener("pointerup", drop);
    },
  };
}

// --- Internal helpers ---

/** The given columns in the user's order; columns the order does not name follow in theirs. */
function arranged(given: DataColumn[], names: string[]): DataColumn[] {
  if (names.length === 0) return given;
  const byName = new Map(given.map((column) => [column.name, column]));
  const shown: DataColumn[] = [];
  for (const name of names) {
    const column = byName.get(name);
    if (column) shown.push(column);
    byName.delete(name);
  }
  return [...shown, ...byName.values()];
}

/** A drag ends with a click on whatever is under the pointer: it neither sorts nor selects. */
function swallowNextClick(): void {
  const swallow = (event: MouseEvent) => event.stopPropagation();
  window.addEventListener("click", swallow, { capture: true, once: true });
  // A click, if any, comes in the same task as the pointer's release.
  setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
}
