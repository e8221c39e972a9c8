import { describe, expect, test } from "vitest";
import { defineApp, type SimpleChartOptions } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const INDEX = "index--p5bJXXpQgvPz6yvQMFiy";
const VALUE = "value--p5bJXXpQgvPz6yvQMFiy";
const SERIES = "color--p5bJXXpQgvPz6yvQMFiy";

const wide = [
  { day: 1, low: 3, high: 9, city: "Oslo", when: new Date(Date.UTC(2025, 0, 1)) },
  { day: 2, low: 4, high: 8, city: "Lima", when: new Date(Date.UTC(2025, 0, 2)) },
];
const long = {
  month: [1, 1, 2, 2],
  site: ["shop", "blog", "shop", "blog"],
  visits: [10, 20, 30, 40],
  weight: [1, 2, 3, 4],
};

type Method = "lineChart" | "areaChart" | "barChart" | "scatterChart";

/** The chart a call draws: its spec, or the error callout it drew instead. */
async function draw(method: Method, data: object, options: SimpleChartOptions = {}) {
  const at = await AppTest.fromApp(
    defineApp((st) => {
      st[method](data as never, options);
      st.text("after");
    }),
  ).run();
  expect(at.get("text").map((text) => text.props.body)).toEqual(["after"]);
  const chart = at.get("vegaLiteChart")[0];
  return {
    spec: chart?.props.spec as Record<string, any> | undefined,
    datasets: chart?.props.datasets,
    error: at.get("alert")[0]?.props.body,
  };
}

describe("the simple charts build their Vega-Lite spec from the data's columns", () => {
  test("wide data: every other column folds into one series per column, x is the row number", async () => {
    const { spec, datasets } = await draw("lineChart", { low: [1, 2], high: [3, 4] });
    expect(spec!.mark).toEqual({ type: "line" });
    expect(spec!.data).toEqual({ name: "edgelit-data" });
    expect(spec!.transform).toEqual([
      { window: [{ op: "row_number", as: INDEX }] },
      { calculate: `datum['${INDEX}'] - 1`, as: INDEX },
      { fold: ["low", "high"], as: [SERIES, VALUE] },
    ]);
    expect(spec!.encoding.x).toMatchObject({ field: INDEX, type: "quantitative", title: "" });
    expect(spec!.encoding.y).toMatchObject({ field: VALUE, type: "quantitative", title: "" });
    expect(spec!.encoding.color).toMatchObject({ field: SERIES, type: "nominal", title: " " });
    expect(spec!.encoding.tooltip).toEqual([
      { field: INDEX, title: "index" },
      { field: VALUE, title: "value", type: "quantitative" },
      { field: SERIES, title: "color", type: "nominal" },
    ]);
    // Small data travels inline, as rows.
    expect(datasets).toEqual([
      {
        name: "edgelit-data",
        values: [
          { low: 1, high: 3 },
          { low: 2, high: 4 },
        ],
      },
    ]);
  });

  test("named x and y columns: titled axes, a date x is temporal, y columns are chosen", async () => {
    const { spec } = await draw("areaChart", wide, { x: "when", y: ["low", "high"] });
    expect(spec!.mark).toEqual({ type: "area" });
    expect(spec!.encoding.x).toMatchObject({ field: "when", type: "temporal", title: "when" });
    expect(spec!.transform).toEqual([{ fold: ["low", "high"], as: [SERIES, VALUE] }]);
    expect(spec!.encoding.opacity).toEqual({ value: 0.7 });

    const one = await draw("lineChart", wide, { x: "day", y: "low", xLabel: "Day", yLabel: "°C" });
    expect(one.spec!.transform).toBeUndefined();
    expect(one.spec!.encoding.x).toMatchObject({ field: "day", title: "Day" });
    expect(one.spec!.encoding.y).toMatchObject({ field: "low", type: "quantitative", title: "°C" });
    expect(one.spec!.encoding.color).toBeUndefined();
  });

  test("long data: color names the column that splits the series; size sizes a scatter's points", async () => {
    const { spec } = await draw("scatterChart", long, {
      x: "month",
      y: "visits",
      color: "site",
      size: "weight",
    });
    expect(spec!.mark).toEqual({ type: "circle" });
    expect(spec!.encoding.color).toMatchObject({ field: "site", type: "nominal" });
    expect(spec!.encoding.size).toMatchObject({ field: "weight", type: "quantitative" });
    expect(spec!.encoding.tooltip).toEqual([
      { field: "month" },
      { field: "visits" },
      { field: "site" },
      { field: "weight" },
    ]);
    const plain = await draw("scatterChart", long, { x: "month", y: "visits", size: 30 });
    expect(plain.spec!.encoding.size).toEqual({ value: 30 });
  });

  test("bars: x is discrete, horizontal swaps the axes, stack false sets them side by side", async () => {
    const upright = await draw("barChart", long, { x: "month", y: "visits", color: "site" });
    expect(upright.spec!.mark).toEqual({ type: "bar" });
    expect(upright.spec!.encoding.x).toMatchObject({ field: "month", type: "ordinal" });
    const sideways = await draw("barChart", long, {
      x: "month",
      y: "visits",
      color: "site",
      horizontal: true,
      stack: false,
    });
    expect(sideways.spec!.encoding.y).toMatchObject({ field: "month", type: "ordinal" });
    expect(sideways.spec!.encoding.x).toMatchObject({ field: "visits", stack: false });
    expect(sideways.spec!.encoding.yOffset).toEqual({ field: "site" });
    const shares = await draw("barChart", long, { x: "month", y: "visits", stack: "normalize" });
    expect(shares.spec!.encoding.y.stack).toBe("normalize");
  });

  test("colours: one value per y column, as a fixed colour or a scale over the series", async () => {
    const one = await draw("lineChart", wide, { x: "day", y: "low", color: "#ff0000" });
    expect(one.spec!.encoding.color).toEqual({ value: "#ff0000" });
    const two = await draw("lineChart", wide, {
      x: "day",
      y: ["low", "high"],
      color: ["#f00", "#00f"],
    });
    expect(two.spec!.encoding.color).toMatchObject({
      field: SERIES,
      scale: { range: ["#f00", "#00f"] },
    });
  });

  test("data past a few KB is stored as Arrow batches, not sent inline", async () => {
    const big = {
      x: Array.from({ length: 2000 }, (_, i) => i),
      y: Array.from({ length: 2000 }, (_, i) => i * i),
    };
    const { datasets } = await draw("lineChart", big, { x: "x", y: "y" });
    expect(datasets).toHaveLength(1);
    expect(datasets![0]!.values).toBeUndefined();
    expect(datasets![0]!.batches).toHaveLength(1);
  });
});

describe("bad input draws an error callout naming what is wrong, and the app goes on", () => {
  test.each<[Method, SimpleChartOptions, object, string]>([
    [
      "lineChart",
      { y: "nope" },
      wide,
      'st.lineChart: y names column "nope", which is not a column of the data (its columns: "day", "low", "high", "city", "when").',
    ],
    ["barChart", { x: "missing" }, wide, 'st.barChart: x names column "missing"'],
    [
      "lineChart",
      { x: "day", y: "city" },
      wide,
      'st.lineChart: y column "city" holds string values; the y axis of this chart is numeric',
    ],
    [
      "scatterChart",
      { x: "day", y: "low", size: "city" },
      wide,
      'size column "city" holds string values',
    ],
    [
      "lineChart",
      { x: "day", y: "low", color: "not a colour" },
      wide,
      'color "not a colour" is neither a column of the data nor a colour',
    ],
    [
      "lineChart",
      { x: "day", y: ["low", "high"], color: "#f00" },
      wide,
      "color gives 1 colour(s) for 2 y column(s)",
    ],
    [
      "lineChart",
      { stack: true },
      wide,
      "st.lineChart: stack applies to bar and area charts only.",
    ],
    [
      "barChart",
      { stack: "sideways" as never },
      wide,
      'stack must be true, false, "normalize", "center" or "layered"',
    ],
    ["areaChart", { horizontal: true }, wide, "horizontal applies to bar charts only."],
    ["lineChart", { size: 3 }, wide, "size applies to scatter charts only."],
    ["lineChart", {}, [1, 2], "st.lineChart: row 0 is a number (1)"],
    [
      "lineChart",
      { x: "day", y: "low", width: -5 },
      wide,
      "width must be a positive number of pixels",
    ],
  ])("%s with options %o", async (method, options, data, message) => {
    const { spec, error } = await draw(method, data, options);
    expect(spec).toBeUndefined();
    expect(error).toContain(message);
  });
});
