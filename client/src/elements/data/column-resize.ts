import { createSignal, type Accessor } from "solid-js";
import type { ColumnWidths } from "./column-layout.ts";

/** A column's least width while the user resizes it, in pixels. */
export const MIN_COLUMN_WIDTH = 50;
/** What Alt+ArrowLeft/Right on a header takes from or adds to its column's width. */
export const KEYBOARD_RESIZE_STEP = 20;

/** The widths the user gave columns (by dragging a header's right edge, or from the keyboard). */
export interface ColumnResize {
  widths: Accessor<ColumnWidths>;
  /** Starts a drag on a column's resize handle; the drag follows the pointer until it is released. */
  startDrag(event: PointerEvent, name: string): void;
  /** Widens (or narrows, `delta` < 0) a column by pixels from its width in the page. */
  resizeBy(name: string, header: HTMLElement, delta: number): void;
}

/**
 * The grid's column widths as the user sets them. A width lasts as long as
 * the grid shows the column (a rerun with the same columns keeps it).
 * @example const resize = createColumnResize(); gridTemplate(leading, columns, resize.widths());
 */
export function createColumnResize(): ColumnResize {
  const [widths, setWidths] = createSignal<ColumnWidths>({});
  const setWidth = (name: string, width: number) =>
    setWidths((current) => ({ ...current, [name]: Math.max(MIN_COLUMN_WIDTH, Math.round(width)) }));
  const headerOf = (event: PointerEvent) =>
    (event.currentTarget as HTMLElement).closest<HTMLElement>('[role="columnheader"]');
  return {
    widths,
    startDrag(event, name) {
      const header = headerOf(event);
      if (!header || event.button !== 0) return;
      event.preventDefault();
      event.stopPropagation();
      const handle = event.currentTarget as HTMLElement;
      const startX = event.clientX;
      const startWidth = header.getBoundingClientRect().width;
      const move = (moved: PointerEvent) => setWidth(name, startWidth + moved.clientX - startX);
      const end = () => {
        handle.removeEventListener("pointermove", move);
        handle.removeEventListener("pointerup", end);
        handle.removeEventListener("pointercancel", end);
      };
      handle.setPointerCapture(event.pointerId);
      handle.addEventListener("pointermove", move);
      handle.addEventListener("pointerup", end);
      handle.addEventListener("pointercancel", end);
    },
    resizeBy(name, header, delta) {
      setWidth(name, header.getBoundingClientRect().width + delta);
    },
  };
}
