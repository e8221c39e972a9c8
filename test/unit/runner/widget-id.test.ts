import { expect, test } from "vitest";
import { widgetId } from "../../../src/runner/widget-id.ts";

test("a key gives a stable id whatever the label and options", () => {
  expect(widgetId("slider", "Step", "step", [1, 10])).toBe(
    widgetId("slider", "Another label", "step", [0, 5]),
  );
});

test("without a key the id follows kind, label and identifying options", () => {
  const base = widgetId("slider", "Step", undefined, [1, 10, 1, 1]);
  expect(widgetId("slider", "Step", undefined, [1, 10, 1, 1])).toBe(base);
  expect(widgetId("slider", "Step 2", undefined, [1, 10, 1, 1])).not.toBe(base);
  expect(widgetId("slider", "Step", undefined, [1, 20, 1, 1])).not.toBe(base);
  expect(widgetId("numberInput", "Step", undefined, [1, 10, 1, 1])).not.toBe(base);
});
