import { expect, test } from "vitest";
import { MAX_SCROLL_HEIGHT, scrollScale } from "../../../client/src/elements/data/scroll-scale.ts";

test("rows that fit under the cap scroll one to one", () => {
  const scale = scrollScale(35 * 1001, 400);
  expect(scale.scrollHeight).toBe(35 * 1001);
  expect(scale.toOffset(1234)).toBe(1234);
  expect(scale.toScrollTop(1234)).toBe(1234);
});

test("a million rows fit in the capped space, the top at the top and the last row at the bottom", () => {
  const content = 35 * 1_000_001;
  const scale = scrollScale(content, 400);
  expect(scale.scrollHeight).toBe(MAX_SCROLL_HEIGHT);
  expect(scale.toOffset(0)).toBe(0);
  // Scrolled to the end, the view shows the last 400 pixels of rows.
  expect(scale.toOffset(MAX_SCROLL_HEIGHT - 400)).toBeCloseTo(content - 400, 6);
  // Past the end (an overscroll) stays at the end; a scroll position maps back.
  expect(scale.toOffset(MAX_SCROLL_HEIGHT)).toBe(content - 400);
  expect(scale.toOffset(scale.toScrollTop(17_500_000))).toBeCloseTo(17_500_000, 6);
});
