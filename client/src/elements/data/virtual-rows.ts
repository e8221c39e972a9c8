import { createEffect, createSignal, onCleanup, onMount, type Accessor } from "solid-js";
import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  Virtualizer,
} from "@tanstack/solid-virtual";

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

/** The rows to draw: the indices in view (and the overscan), and the height of them all. */
export interface VirtualRows {
  indices: Accessor<number[]>;
  totalSize: Accessor<number>;
}

/**
 * TanStack Virtual's virtualizer over fixed-height rows, read through Solid
 * signals. (Its own `createVirtualizer` would bring `solid-js/store`'s
 * reconcile into the first page's JavaScript; indices keyed by value keep
 * rows in place as well.)
 * @example const rows = createVirtualRows({ count: () => 1000, scroller: () => el, rowHeight: 35, paddingStart: 35, overscan: 10 });
 */
export function createVirtualRows(options: VirtualRowsOptions): VirtualRows {
  const [indices, setIndices] = createSignal<number[]>([], { equals: sameNumbers });
  const [totalSize, setTotalSize] = createSignal(0);
  const publish = (instance: Virtualizer<HTMLElement, Element>) => {
    setIndices(instance.getVirtualItems().map((item) => item.index));
    setTotalSize(instance.getTotalSize());
  };
  const settings = () => ({
    count: options.count(),
    getScrollElement: () => options.scroller() ?? null,
    estimateSize: () => options.rowHeight,
    paddingStart: options.paddingStart,
    overscan: options.overscan,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: (instance: Virtualizer<HTMLElement, Element>) => {
      instance._willUpdate();
      publish(instance);
    },
  });
  const virtualizer = new Virtualizer<HTMLElement, Element>(settings());
  onMount(() => {
    onCleanup(virtualizer._didMount());
    virtualizer._willUpdate();
    publish(virtualizer);
  });
  // A new row count (another frame on a rerun) measures again.
  createEffect(() => {
    virtualizer.setOptions(settings());
    virtualizer.measure();
    publish(virtualizer);
  });
  return { indices, totalSize };
}

function sameNumbers(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
