import { createMemo, createSignal, onCleanup, onMount, type Accessor } from "solid-js";
import { scrollScale } from "./scroll-scale.ts";

/** Options of {@link createVirtualRows}. */
export interface VirtualRowsOptions {
  count: Accessor<number>;
  scroller: () => HTMLElement | undefined;
  rowHeight: number;
  /** Room above the first row (the sticky header). */
  paddingStart: number;
  /** Rows drawn beyond each edge of the view. */
  overscan: number;
}

/** The rows to draw: the indices in view (and the overscan), where each goes, and the height of them all. */
export interface VirtualRows {
  indices: Accessor<number[]>;
  /** The height of the scrolled space (capped: past the browser's limit, a pixel scrolls more than a pixel of rows). */
  totalSize: Accessor<number>;
  /** Where a row's top goes in the scrolled space, in pixels. */
  rowTop(index: number): number;
  /** Scrolls the least needed to show the row whole below the sticky header. */
  revealRow(index: number): void;
}

/**
 * Fixed-height virtual rows for any row count. Browsers cap an element's
 * height (Chromium near 33.5 million pixels, about 950,000 rows of 35 px):
 * past {@link MAX_SCROLL_HEIGHT} the scrolled space stays that tall and its
 * scroll position maps linearly onto the rows' whole height (see
 * scroll-scale.ts), so the last row is reached and the DOM holds only the
 * rows in view and the overscan.
 * @example const rows = createVirtualRows({ count: () => 1000, scroller: () => el, rowHeight: 35, paddingStart: 35, overscan: 10 });
 */
export function createVirtualRows(options: VirtualRowsOptions): VirtualRows {
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewHeight, setViewHeight] = createSignal(0);
  onMount(() => {
    const scroller = options.scroller();
    if (!scroller) return;
    const update = () => {
      setScrollTop(scroller.scrollTop);
      setViewHeight(scroller.clientHeight);
    };
    scroller.addEventListener("scroll", update, { passive: true });
    const resizes = new ResizeObserver(update);
    resizes.observe(scroller);
    update();
    onCleanup(() => {
      scroller.removeEventListener("scroll", update);
      resizes.disconnect();
    });
  });
  const scale = createMemo(() =>
    scrollScale(options.paddingStart + options.count() * options.rowHeight, viewHeight()),
  );
  /** The rows' offset (in the whole, unscaled height) at the top of the view. */
  const offset = () => scale().toOffset(scrollTop());
  const indices = createMemo(
    () => {
      const count = options.count();
      if (count === 0) return [];
      const top = offset() - options.paddingStart;
      const first = Math.max(0, Math.floor(top / options.rowHeight) - options.overscan);
      const last = Math.min(
        count - 1,
        Math.ceil((top + viewHeight()) / options.rowHeight) + options.overscan,
      );
      return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    },
    [],
    { equals: sameNumbers },
  );
  return {
    indices,
    totalSize: () => scale().scrollHeight,
    rowTop: (index) => options.paddingStart + index * options.rowHeight - offset() + scrollTop(),
    revealRow(index) {
      const scroller = options.scroller();
      if (!scroller || index < 0) return;
      const top = options.paddingStart + index * options.rowHeight;
      const viewTop = offset() + options.paddingStart;
      const viewBottom = offset() + scroller.clientHeight;
      let wanted: number | undefined;
      if (top < viewTop) wanted = top - options.paddingStart;
      else if (top + options.rowHeight > viewBottom)
        wanted = top + options.rowHeight - scroller.clientHeight;
      if (wanted === undefined) return;
      scroller.scrollTop = scale().toScrollTop(wanted);
      setScrollTop(scroller.scrollTop);
    },
  };
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
