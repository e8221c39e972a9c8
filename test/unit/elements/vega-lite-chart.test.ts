import { describe, expect, test } from "vitest";
import { defineApp, type St } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";

const cities = [
  { city: "Lyon", people: 520 },
  { city: "Oslo", people: 700 },
];
const barSpec = {
  mark: "bar",
  encoding: {
    x: { field: "city", type: "nominal" },
    y: { field: "people", type: "quantitative" },
  },
};
/** A spec as Altair exports it: its data inside, a selection parameter at the top. */
const altairSpec = {
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  config: { view: { continuousWidth: 300 } },
  data: { name: "data-1" },
  mark: { type: "point" },
  encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } },
  params: [
    { name: "param_1", select: { type: "interval", encodings: ["x"] }, views: ["view_1"] },
    { name: "pick", select: "point" },
  ],
  name: "view_1",
  datasets: { "data-1": [{ a: 1, b: 2 }] },
};

async function drawn(app: (st: St) => void) {
  const at = await AppTest.fromApp(defineApp(app)).run();
  return {
    at,
    chart: at.get("vegaLiteChart")[0]?.props,
    errors: at.get("alert").map((alert) => alert.props.body),
    texts: at.get("text").map((text) => text.props.body),
  };
}

describe("st.vegaLiteChart", () => {
  test("data beside the spec becomes the spec's named data; the app's spec is not changed", async () => {
    const spec = structuredClone(barSpec);
    const { chart } = await drawn((st) => void st.vegaLiteChart(cities, spec));
    expect(chart!.spec).toEqual({ ...barSpec, data: { name: "edgelit-data" } });
    expect(chart!.datasets).toEqual([{ name: "edgelit-data", values: cities }]);
    expect(chart!.theme).toBe("streamlit");
    expect(chart!.useContainerWidth).toBe(true);
    expect(chart!.id).toBeUndefined();
    expect(spec).toEqual(barSpec);
  });

  test("a spec with its own data (Altair's export) pastes in unchanged; theme null and a width", async () => {
    const { chart } = await drawn(
      (st) => void st.vegaLiteChart(altairSpec, { theme: null, width: 400, height: 200 }),
    );
    expect(chart!.spec).toEqual(altairSpec);
    expect(chart!.datasets).toEqual([]);
    expect(chart!.theme).toBeNull();
    expect(chart).toMatchObject({ width: 400, height: 200, useContainerWidth: false });
  });

  test.each<[string, (st: St) => void, string]>([
    [
      "no spec",
      (st) => void st.vegaLiteChart(cities, 3 as never),
      "the spec must be a Vega-Lite spec object; got a number.",
    ],
    [
      "no mark",
      (st) => void st.vegaLiteChart(cities, { encoding: {} }),
      'the spec draws nothing: it has none of "mark"',
    ],
    [
      "a function",
      (st) => void st.vegaLiteChart({ mark: "bar", encoding: { x: { field: () => 1 } } }),
      "spec.encoding.x.field is a function; a spec holds only JSON values.",
    ],
    [
      "NaN",
      (st) => void st.vegaLiteChart({ mark: "bar", width: Number.NaN }),
      "spec.width is NaN, which JSON cannot carry.",
    ],
    [
      "a missing field",
      (st) => void st.vegaLiteChart(cities, { mark: "bar", encoding: { x: { field: "town" } } }),
      'the "x" encoding names field "town", which is not a column of the data (its columns: "city", "people").',
    ],
    [
      "text on a numeric axis",
      (st) =>
        void st.vegaLiteChart(cities, {
          mark: "bar",
          encoding: { y: { field: "city", type: "quantitative" } },
        }),
      'the "y" encoding is quantitative, but column "city" holds string values, not numbers.',
    ],
    [
      "a bad theme",
      (st) => void st.vegaLiteChart(barSpec, { theme: "dark" as never }),
      'theme must be "streamlit" or null; got dark.',
    ],
    [
      "no selection parameter",
      (st) => void st.vegaLiteChart(cities, barSpec, { onSelect: "rerun" }),
      "onSelect needs a selection parameter in the spec",
    ],
    [
      "an unknown parameter",
      (st) => void st.vegaLiteChart(altairSpec, { onSelect: "rerun", selectionMode: "brush" }),
      'selectionMode "brush" is not a selection parameter of the spec (its parameters: "param_1", "pick").',
    ],
    [
      "a bad onSelect",
      (st) => void st.vegaLiteChart(altairSpec, { onSelect: "sometimes" as never }),
      'onSelect must be "ignore", "rerun" or a function; got sometimes.',
    ],
  ])("%s: an error callout names it, and the app goes on", async (_, call, message) => {
    const { chart, errors, texts } = await drawn((st) => {
      call(st);
      st.text("after");
    });
    expect(chart).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`st.vegaLiteChart: ${message}`);
    expect(texts).toEqual(["after"]);
  });
});

describe("chart selections", () => {
  function selectingApp() {
    return defineApp((st) => {
      const event = st.vegaLiteChart(altairSpec, { onSelect: "rerun", key: "chart" });
      st.text(`selected ${JSON.stringify(event.selection)}`);
      const scatter = st.scatterChart(
        cities.map((row, i) => ({ ...row, i })),
        {
          x: "i",
          y: "people",
          onSelect: "rerun",
          key: "scatter",
        },
      );
      st.text(`scatter ${JSON.stringify(scatter.selection)}`);
    });
  }
  const reasons = (at: AppTest) =>
    at.refused.map((refusal) =>
      refusal.message.replace(/^Refused a value for this \w+: /, "").replace(/\.$/, ""),
    );

  test("a chart with onSelect is a widget; it starts with each parameter empty", async () => {
    const at = await AppTest.fromApp(selectingApp()).run();
    const texts = at.get("text").map((text) => text.props.body);
    expect(texts).toEqual([
      'selected {"param_1":{},"pick":[]}',
      'scatter {"point":[],"interval":{}}',
    ]);
    const [chart, scatter] = at.get("vegaLiteChart");
    expect(chart!.props.selection!.params).toEqual([
      { name: "param_1", type: "interval" },
      { name: "pick", type: "point" },
    ]);
    // The simple chart's spec carries the parameters it reports (and no pan-and-zoom binding).
    expect(scatter!.props.spec.params).toEqual([
      { name: "point", select: { type: "point", fields: ["i", "people"] } },
      { name: "interval", select: { type: "interval", encodings: ["x", "y"] } },
    ]);
  });

  test("a selection that fits reaches the app and st.session", async () => {
    const at = await AppTest.fromApp(selectingApp()).run();
    await at
      .vegaLiteChart({ key: "chart" })
      .setValue({ selection: { param_1: { a: [1, 3] }, pick: [{ _vgsid_: 1 }] } })
      .run();
    await at
      .vegaLiteChart({ key: "scatter" })
      .setValue({
        selection: { point: [{ i: 1, people: 700 }], interval: { i: [0, 1], people: [500, 800] } },
      })
      .run();
    expect(at.refused).toEqual([]);
    const texts = at.get("text").map((text) => text.props.body);
    expect(texts).toEqual([
      'selected {"param_1":{"a":[1,3]},"pick":[{"_vgsid_":1}]}',
      'scatter {"point":[{"i":1,"people":700}],"interval":{"i":[0,1],"people":[500,800]}}',
    ]);
  });

  test("selections that do not fit the chart are refused with their reason", async () => {
    const at = await AppTest.fromApp(selectingApp()).run();
    const cases: [string, unknown, string][] = [
      ["chart", { points: [] }, 'expected { selection: { <parameter>: ... } }, got {"points":[]}'],
      [
        "chart",
        { selection: { param_1: {}, pick: [], other: [] } },
        '"other" is not a selection parameter of this chart (its parameters: param_1, pick)',
      ],
      ["chart", { selection: { param_1: {} } }, 'the selection lacks parameter "pick"'],
      [
        "chart",
        { selection: { param_1: [], pick: [] } },
        'parameter "param_1": an interval selection is an object of ranges by field',
      ],
      [
        "chart",
        { selection: { param_1: { a: [] }, pick: [] } },
        'parameter "param_1": field "a": a range is a list of 1 to 10000 values',
      ],
      [
        "chart",
        { selection: { param_1: {}, pick: {} } },
        'parameter "pick": a point selection is a list of points',
      ],
      [
        "chart",
        { selection: { param_1: {}, pick: [{ a: { deep: 1 } }] } },
        'parameter "pick": point {"a":{"deep":1}}: {"deep":1} is not a value of a chart\'s field',
      ],
      [
        "scatter",
        { selection: { point: [{ town: "Oslo" }], interval: {} } },
        'parameter "point": point {"town":"Oslo"}: "town" is not a field of this chart (its fields: city, people, i)',
      ],
    ];
    for (const [key, value, reason] of cases) {
      at.vegaLiteChart({ key }).setValue(value);
      await at.run();
      expect(reasons(at)).toHaveLength(1);
      expect(reasons(at)[0]).toContain(reason);
    }
    expect(at.get("text")[0]!.props.body).toBe('selected {"param_1":{},"pick":[]}');
  });
});
