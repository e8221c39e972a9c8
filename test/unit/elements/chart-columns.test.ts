import { describe, expect, test } from "vitest";
import { defineApp } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { liftTraceArrays } from "../../../src/elements/charts/plotly-data.ts";

/**
 * Issue 16: a Plotly figure's long arrays and a map's many points leave the
 * element to be stored as Arrow batches; what checks a selection still knows
 * how many points there are.
 */

const long = (length: number, at: (i: number) => unknown) =>
  Array.from({ length }, (_, i) => at(i));
const reasons = (at: AppTest) =>
  at.refused.map((refusal) =>
    refusal.message.replace(/^Refused a value for this \w+: /, "").replace(/\.$/, ""),
  );

describe("liftTraceArrays", () => {
  test("takes out long arrays of numbers or strings, nested ones too, grouped by trace and length", () => {
    const marker = { size: 4, color: long(600, (i) => i % 3) };
    const figure = {
      data: [
        { x: long(600, (i) => i), y: new Float64Array(600), marker, name: "a" },
        { type: "parcoords", dimensions: [{ values: long(700, (i) => `v${i}`) }] },
        { x: [1, 2, 3] },
      ],
      layout: { title: "t" },
    };
    const lifted = liftTraceArrays(figure);
    expect(lifted.groups.map((group) => [group.trace, group.length])).toEqual([
      [0, 600],
      [1, 700],
    ]);
    expect(lifted.groups[0]!.columns.map((column) => column.path)).toEqual([
      ["x"],
      ["y"],
      ["marker", "color"],
    ]);
    expect(lifted.groups[1]!.columns[0]!.path).toEqual(["dimensions", "0", "values"]);
    expect(lifted.figure).toEqual({
      data: [
        { marker: { size: 4 }, name: "a" },
        { type: "parcoords", dimensions: [{}] },
        { x: [1, 2, 3] },
      ],
      layout: { title: "t" },
    });
    // The app's own figure is left as it was.
    expect(figure.data[0]!.marker).toBe(marker);
    expect(marker.color).toHaveLength(600);
  });

  test("leaves in the figure what is not one kind of plain value: dates, mixed lists, objects, functions", () => {
    const figure = {
      data: [
        {
          x: long(600, (i) => new Date(i)),
          y: long(600, (i) => (i === 5 ? "five" : i)),
          z: long(600, (i) => (i === 7 ? () => 1 : i)),
          text: long(600, () => null),
        },
      ],
    };
    expect(liftTraceArrays(figure).groups).toEqual([]);
  });
});

describe("stored chart data", () => {
  test("a long trace travels as stored columns, and a selection is checked against its length", async () => {
    const app = defineApp((st) => {
      const state = st.plotlyChart(
        { data: [{ type: "scattergl", x: long(1000, (i) => i), y: long(1000, (i) => i * 2) }] },
        { onSelect: "rerun", key: "chart" },
      );
      st.text(JSON.stringify(state.selection.pointIndices));
    });
    const at = await AppTest.fromApp(app).run();
    const props = at.get("plotlyChart")[0]!.props;
    expect(props.figure).toEqual({ data: [{ type: "scattergl" }] });
    expect(props.columns).toEqual([
      { trace: 0, paths: [["x"], ["y"]], batches: [expect.any(String)] },
    ]);
    const point = (index: number) => ({
      selection: {
        points: [{ curveNumber: 0, pointNumber: index, pointIndex: index }],
        pointIndices: [index],
        box: [],
        lasso: [],
      },
    });
    await at.plotlyChart({ key: "chart" }).setValue(point(999)).run();
    expect(at.refused).toEqual([]);
    expect(at.get("text")[0]!.props.body).toBe("[999]");
    await at.plotlyChart({ key: "chart" }).setValue(point(1000)).run();
    expect(reasons(at)).toEqual(["points[0]: pointNumber is not a point of its trace"]);
  });

  test("a map of many points stores them; its selection is checked against their number", async () => {
    const app = defineApp((st) => {
      const state = st.map(
        { lat: long(600, (i) => i / 10), lon: long(600, () => 5), size: long(600, (i) => i) },
        { size: "size", onSelect: "rerun", key: "places" },
      );
      st.text(JSON.stringify(state.selection.indices));
    });
    const at = await AppTest.fromApp(app).run();
    const props = at.get("map")[0]!.props;
    expect([props.latitude, props.longitude, props.size]).toEqual([[], [], []]);
    expect(props.columns).toEqual({
      paths: [["latitude"], ["longitude"], ["size"]],
      batches: [expect.any(String)],
    });
    await at
      .map({ key: "places" })
      .setValue({ selection: { indices: [599] } })
      .run();
    expect(at.get("text")[0]!.props.body).toBe("[599]");
    await at
      .map({ key: "places" })
      .setValue({ selection: { indices: [600] } })
      .run();
    expect(reasons(at)).toEqual([
      "index 600 is not a point of the map (it has 600, numbered from 0)",
    ]);
  });
});
