import { describe, expect, test } from "vitest";
import { defineApp, type St } from "../../../src/index.ts";
import { formatNumber } from "../../../src/protocol/number-format.ts";
import { AppTest } from "../../../src/testing/index.ts";

const products = [
  { name: "Tea", price: 3.5, stock: 12, site: "https://tea.example", done: 0.4, fresh: true },
  { name: "Cake", price: 12, stock: 0, site: "javascript:alert(1)", done: 1, fresh: false },
];

async function showing(draw: (st: St) => void): Promise<AppTest> {
  return AppTest.fromApp(defineApp((st) => draw(st))).run();
}

describe("st.columnConfig", () => {
  test("helpers return plain configurations; the grid gets labels, widths, formats, pinned columns first and hidden ones left out", async () => {
    const at = await showing((st) => {
      expect(st.columnConfig.number("Price", { format: "$%.2f", min: 0 })).toEqual({
        type: "number",
        label: "Price",
        format: "$%.2f",
        min: 0,
      });
      expect(st.columnConfig.link({ display: "Open" })).toEqual({ type: "link", display: "Open" });
      st.dataframe(products, {
        columnConfig: {
          price: st.columnConfig.number("Price", {
            format: "$%.2f",
            width: "small",
            help: "In dollars",
          }),
          site: st.columnConfig.link("Site", { display: "Open", width: 120 }),
          done: st.columnConfig.progress("Done", { min: 0, max: 1 }),
          fresh: st.columnConfig.checkbox(),
          name: st.columnConfig.text("Product", { pinned: true }),
          stock: null,
        },
      });
    });
    expect(at.exceptions).toEqual([]);
    expect(at.get("dataframe")[0]!.props.columns).toEqual([
      { name: "name", type: "string", display: { type: "text", label: "Product", pinned: true } },
      {
        name: "price",
        type: "number",
        display: {
          type: "number",
          label: "Price",
          width: "small",
          help: "In dollars",
          format: "$%.2f",
        },
      },
      {
        name: "site",
        type: "string",
        display: { type: "link", label: "Site", width: 120, display: "Open" },
      },
      {
        name: "done",
        type: "number",
        display: { type: "progress", label: "Done", min: 0, max: 1 },
      },
      { name: "fresh", type: "boolean", display: { type: "checkbox" } },
    ]);
  });

  test("a label alone, and st.table's columns and cells follow the configuration", async () => {
    const at = await showing((st) => {
      st.table(products, {
        columnConfig: { name: "Product", site: null, done: null, fresh: null },
      });
    });
    const table = at.get("table")[0]!.props;
    expect(table.columns.map((column) => [column.name, column.display?.label])).toEqual([
      ["name", "Product"],
      ["price", undefined],
      ["stock", undefined],
    ]);
    expect(table.rows).toEqual([
      ["Tea", 3.5, 12],
      ["Cake", 12, 0],
    ]);
  });

  test("a configuration may name a column that columnOrder leaves out", async () => {
    const at = await showing((st) => {
      st.dataframe(products, {
        columnOrder: ["price", "name"],
        columnConfig: { stock: null, price: "Price" },
      });
    });
    expect(at.exceptions).toEqual([]);
    const columns = at.get("dataframe")[0]!.props.columns;
    expect(columns.map((column) => column.display?.label ?? column.name)).toEqual([
      "Price",
      "name",
    ]);
  });

  test("an unknown column, option or format is an error naming it, shown in the page", async () => {
    const problems: [object, string][] = [
      [{ cost: "Cost" }, 'columnConfig names "cost", which is not a column of the data'],
      [{ price: { type: "number", colour: "red" } }, 'a number column has no option "colour"'],
      [{ price: { type: "gauge" } }, 'type "gauge" is not one of column, text, number'],
      [{ price: { type: "number", format: "%q" } }, '"%q" is not a number format'],
      [{ price: { type: "number", format: "%d and %d" } }, '"%d and %d" is not a number format'],
      [{ price: { type: "number", width: "huge" } }, 'width must be "small", "medium", "large"'],
      [{ price: { type: "progress", min: 5, max: 1 } }, "min must be below max"],
      [{ price: { type: "link", display: 3 } }, "display must be text; got 3"],
      [{ price: 7 }, "must be a configuration from st.columnConfig, a label or null; got 7"],
    ];
    for (const [columnConfig, message] of problems) {
      const at = await showing((st) => {
        st.text("drawn before");
        st.dataframe(products, { columnConfig: columnConfig as never });
      });
      expect(at.exceptions[0]?.props.message).toContain(message);
      expect(at.exceptions[0]?.props.name).toBe("EdgelitApiError");
      expect(at.get("text").map((element) => element.props.body)).toEqual(["drawn before"]);
    }
  });
});

describe("image and sparkline columns", () => {
  const trends = {
    item: ["tea", "cake"],
    photo: ["https://img.example/tea.png", "data:image/png;base64,iVBORw0KGgo="],
    sales: [[1, 4, 2, 8], Float64Array.of(3, 3, 5)],
    empty: [null, null],
  };

  test("lists of numbers are frame cells; image and chart columns reach the grid with their range", async () => {
    const at = await showing((st) => {
      st.dataframe(trends, {
        columnConfig: {
          photo: st.columnConfig.image("Photo"),
          sales: st.columnConfig.lineChart("Sales", { yMin: 0, yMax: 10 }),
          empty: st.columnConfig.barChart(),
        },
      });
    });
    expect(at.exceptions).toEqual([]);
    expect(at.get("dataframe")[0]!.props.columns).toEqual([
      { name: "item", type: "string" },
      { name: "photo", type: "string", display: { type: "image", label: "Photo" } },
      {
        name: "sales",
        type: "List<Float64>",
        display: { type: "lineChart", label: "Sales", yMin: 0, yMax: 10 },
      },
      { name: "empty", type: "null", display: { type: "barChart" } },
    ]);
  });

  test("a chart over text, an image over numbers, a reversed range or a list of text is refused, naming the column", async () => {
    const problems: [object, string][] = [
      [
        { columnConfig: { item: { type: "areaChart" } } },
        'columnConfig "item": a areaChart column holds lists of numbers; this column holds string values',
      ],
      [
        { columnConfig: { sales: { type: "image" } } },
        'columnConfig "sales": an image column holds URLs (text); this column holds List<Float64> values',
      ],
      [
        { columnConfig: { sales: { type: "barChart", yMin: 5, yMax: 5 } } },
        "yMin must be below yMax",
      ],
      [{ columnConfig: { sales: { type: "lineChart", min: 0 } } }, 'has no option "min"'],
    ];
    for (const [options, message] of problems) {
      const at = await showing((st) => st.dataframe(trends, options as never));
      expect(at.exceptions[0]?.props.message).toContain(message);
    }
    const at = await showing((st) => st.dataframe({ tags: [["a", "b"]] }));
    expect(at.exceptions[0]?.props.message).toContain(
      'column "tags" holds an array at row 0; cells must be numbers, strings, booleans, Dates, BigInts, lists of numbers or null',
    );
  });
});

describe("number formats", () => {
  test.each([
    [3.14159, "%.2f", "3.14"],
    [1234567.891, "$%,.2f", "$1,234,567.89"],
    [42.9, "%d", "42"],
    [-42.9, "%d units", "-42 units"],
    [7, "%+d", "+7"],
    [7, "%03d", "007"],
    [0.256, "%.1f%%", "0.3%"],
    [12345n, "%,d", "12,345"],
    [1500, "%.1e", "1.5e+3"],
    [0.256, "percent", "25.6%"],
    [1234.5, "dollar", "$1,234.50"],
    [5, "plain", "5"],
  ] as const)("%s as %s is %s", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });
});
