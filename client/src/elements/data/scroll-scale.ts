/**
 * The tallest scrolled space the grid makes, in pixels: well under the
 * browsers' caps on an element's height (Chromium about 33.5 million,
 * Firefox about 17.9 million), so that it is honoured everywhere.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

/** How a scroll position maps onto the rows' whole height. */
export interface ScrollScale {
  /** The scrolled space's height: the rows' whole height, or the cap. */
  scrollHeight: number;
  /** The offset into the rows' whole height shown at the top of the view. */
  toOffset(scrollTop: number): number;
  /** The scroll position that shows this offset at the top of the view. */
  toScrollTop(offset: number): number;
}

/**
 * One to one while the rows fit under {@link MAX_SCROLL_HEIGHT}; past it,
 * linear from the top (offset 0) to the bottom (the last row at the view's
 * bottom), so the first and the last rows are both reached exactly.
 * @example scrollScale(35_000_035, 400).toOffset(7_999_600) // 34_999_635: the last rows in view
 */
export function scrollScale(
  contentHeight: number,
  viewHeight: number,
  cap: number = MAX_SCROLL_HEIGHT,
): ScrollScale {
  if (contentHeight <= cap)
    return { scrollHeight: contentHeight, toOffset: (top) => top, toScrollTop: (offset) => offset };
  const scrollRoom = Math.max(1, cap - viewHeight);
  const contentRoom = Math.max(0, contentHeight - viewHeight);
  const ratio = contentRoom / scrollRoom;
  return {
    scrollHeight: cap,
    toOffset: (top) => Math.min(contentRoom, Math.max(0, top) * ratio),
    toScrollTop: (offset) => Math.min(scrollRoom, Math.max(0, offset) / ratio),
  };
}
