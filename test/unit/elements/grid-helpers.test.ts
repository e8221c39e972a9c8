import { expect, test } from "vitest";
import { csvField, frameToCsv } from "../../../client/src/elements/data/frame-csv.ts";
import { formatDateTokens } from "../../../client/src/elements/data/format-date.ts";
import { matchingRows } from "../../../client/src/elements/data/row-filter.ts";
import { cellText, safeLink } from "../../../client/src/elements/data/cell-text.ts";

// The grid's pure helpers, run in Node: what the page writes, finds and shows.

test("CSV fields are quoted only when they hold a comma, a quote or a line break", () => {
  expect(csvField("plain")).toBe("plain");
  expect(csvField("a,b")).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField("one\r\ntwo")).toBe('"one\r\ntwo"');
  const day = Date.UTC(2024, 1, 3);
  const csv = frameToCsv(
    [
      { name: "when", type: "date" },
      { name: "n", type: "integer" },
    ],
    2,
    (row, column) =>
      [
        [day, 12345678901234567890n],
        [day + 3_600_000, null],
      ][row]![column],
  );
  expect(csv).toBe("\ufeffwhen,n\n2024-02-03,12345678901234567890\n2024-02-03 01:00:00,\n");
});

test("the search keeps the shown order and ignores case; an empty query keeps every row", () => {
  const names = ["Ada", "grace", "Alan"];
  expect(matchingRows(undefined, 3, "A", (row) => names[row]!)).toEqual(Int32Array.from([0, 1, 2]));
  expect(matchingRows(Int32Array.from([2, 0, 1]), 3, "al", (row) => names[row]!)).toEqual(
    Int32Array.from([2]),
  );
  expect(matchingRows(undefined, 3, "  ", (row) => names[row]!)).toBeUndefined();
});

test("date formats in tokens, in UTC", () => {
  const moment = Date.UTC(2024, 0, 2, 15, 4, 5);
  expect(formatDateTokens(moment, "DD/MM/YYYY h:mm A")).toBe("02/01/2024 3:04 PM");
  expect(formatDateTokens(moment, "D MMM YY, HH:mm:ss")).toBe("2 Jan 24, 15:04:05");
  expect(formatDateTokens(moment, "[Week of] MMMM D")).toBe("Week of January 2");
  expect(formatDateTokens(moment, "iso8601")).toBe("2024-01-02T15:04:05.000Z");
});

test("links: only http and https open; a link shows its display text", () => {
  expect(safeLink("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
  expect(safeLink("http://example.com")).toBe("http://example.com/");
  expect(safeLink("javascript:alert(1)")).toBeUndefined();
  expect(safeLink("JAVASCRIPT:alert(1)")).toBeUndefined();
  expect(safeLink("data:text/html,<b>x</b>")).toBeUndefined();
  expect(safeLink("/relative")).toBeUndefined();
  const link = {
    name: "site",
    type: "string",
    display: { type: "link" as const, display: "Open" },
  };
  expect(cellText("https://example.com", link)).toBe("Open");
  const list = { name: "tags", type: "list", display: { type: "list" as const } };
  expect(cellText(["a", 1, true], list)).toBe("a, 1, true");
});
