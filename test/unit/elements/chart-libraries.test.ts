import { describe, expect, test } from "vitest";
import { defineApp, type St } from "../../../src/index.ts";
import { AppTest } from "../../../src/testing/index.ts";
import { mapProps } from "../../../src/elements/charts/map.ts";
import {
  GRAPHVIZ_WORKER_CSP,
  mapStyleSources,
  workerCspFor,
} from "../../../src/server/chart-library-csp.ts";

const figure = {
  data: [
    { type: "scatter", x: [1, 2, 3], y: [4, 5, 6] },
    { type: "bar", x: ["a", "b"], y: [1, 2] },
  ],
  layout: { title: { text: "t" } },
};

/** Runs a one-call app and returns the harness. */
const runApp = (script: (st: St) => void) => AppTest.fromApp(defineApp(script)).run();
const errorOf = async (script: (st: St) => void) =>
  (await runApp(script)).exceptions[0]?.props.message;
const shown = (at: AppTest) => at.get("text").map((element) => element.props.body);
const reasons = (at: AppTest) =>
  at.refused.map((refusal) =>
    refusal.message.replace(/^Refused a value for this \w+: /, "").replace(/\.$/, ""),
  );

describe("st.plotlyChart", () => {
  test("sends the figure as JSON: dates as ISO text, typed arrays as lists, NaN as a gap", async () => {
    const at = await runApp((st) =>
      st.plotlyChart({
        data: [{ x: [new Date(Date.UTC(2024, 0, 2))], y: new Float64Array([1, Number.NaN]) }],
        layout: { height: undefined },
      }),
    );
    expect(at.exceptions).toEqual([]);
    const props = at.get("plotlyChart")[0]!.props;
    expect(props.figure).toEqual({
      data: [{ x: ["2024-01-02T00:00:00.000Z"], y: [1, null] }],
      layout: {},
    });
    expect(props.theme).toBe("streamlit");
    expect(props.id).toBeUndefined();
  });

  test("a figure JSON cannot carry is an error that names where", async () => {
    expect(await errorOf((st) => st.plotlyChart({ data: [{ y: [1, () => 2] }] }))).toMatch(
      /st\.plotlyChart: figure\.data\[0\]\.y\[1\] is a function/,
    );
    const cycle: Record<string, unknown> = { data: [] };
    cycle.layout = { parent: cycle };
    expect(await errorOf((st) => st.plotlyChart(cycle))).toMatch(
      /figure\.layout\.parent refers back to itself/,
    );
    expect(await errorOf((st) => st.plotlyChart({ data: [{ y: [1n] }] }))).toMatch(/a BigInt/);
    expect(await errorOf((st) => st.plotlyChart({ data: [{ y: new Map() }] }))).toMatch(
      /figure\.data\[0\]\.y is an instance of Map/,
    );
    expect(await errorOf((st) => st.plotlyChart({ data: {} }))).toMatch(
      /figure\.data must be a list/,
    );
  });

  test("options are checked: size, theme, selection modes, onSelect", async () => {
    expect(await errorOf((st) => st.plotlyChart(figure, { height: -1 }))).toMatch(
      /height must be a positive/,
    );
    expect(await errorOf((st) => st.plotlyChart(figure, { theme: "dark" as never }))).toMatch(
      /theme must be "streamlit" or null/,
    );
    expect(
      await errorOf((st) =>
        st.plotlyChart(figure, { onSelect: "rerun", selectionMode: "circle" as never }),
      ),
    ).toMatch(/selectionMode "circle" is not one of "points", "box", "lasso"/);
    expect(await errorOf((st) => st.plotlyChart(figure, { onSelect: "always" as never }))).toMatch(
      /onSelect must be "ignore", "rerun" or a function/,
    );
    const at = await runApp((st) =>
      st.plotlyChart(figure, { width: 300, useContainerWidth: false, theme: null }),
    );
    expect(at.get("plotlyChart")[0]!.props).toMatchObject({ width: 300, theme: null });
  });

  test("a selection reaches the app and st.session; one that does not fit the figure is refused", async () => {
    const app = defineApp((st) => {
      const state = st.plotlyChart(figure, {
        onSelect: "rerun",
        selectionMode: ["points", "box"],
        key: "chart",
      });
      st.text(JSON.stringify(state.selection.pointIndices));
      st.text(JSON.stringify(st.session.chart));
    });
    const at = await AppTest.fromApp(app).run();
    expect(shown(at)[0]).toBe("[]");
    expect(at.get("plotlyChart")[0]!.props.selection?.modes).toEqual(["points", "box"]);
    const selection = {
      points: [{ curveNumber: 0, pointNumber: 2, pointIndex: 2, x: 3, y: 6 }],
      pointIndices: [2],
      box: [{ xref: "x", yref: "y", x: [2.5, 3.5], y: [5, 7] }],
      lasso: [],
    };
    await at.plotlyChart({ key: "chart" }).setValue({ selection }).run();
    expect(at.refused).toEqual([]);
    expect(shown(at)).toEqual(["[2]", JSON.stringify({ selection })]);

    const refusedWith = async (value: unknown) => {
      await at.plotlyChart({ key: "chart" }).setValue(value).run();
      return reasons(at);
    };
    expect(
      await refusedWith({
        selection: { ...selection, lasso: [{ xref: "x", yref: "y", x: [1, 2, 3], y: [1, 2, 3] }] },
      }),
    ).toEqual(["this chart does not select by lasso (its modes: points, box)"]);
    expect(
      await refusedWith({
        selection: {
          ...selection,
          points: [{ curveNumber: 2, pointNumber: 0, pointIndex: 0 }],
          pointIndices: [0],
        },
      }),
    ).toEqual(["points[0]: curveNumber is not a trace of the figure (it has 2)"]);
    expect(
      await refusedWith({
        selection: { ...selection, points: [{ curveNumber: 1, pointNumber: 2, pointIndex: 2 }] },
      }),
    ).toEqual(["points[0]: pointNumber is not a point of its trace"]);
    expect(await refusedWith({ selection: { ...selection, pointIndices: [1] } })).toEqual([
      "pointIndices must be the points' pointIndex, in order",
    ]);
    expect(
      await refusedWith({
        selection: { ...selection, box: [{ xref: "x", yref: "y", x: [1], y: [2] }] },
      }),
    ).toEqual(["a box has two corners"]);
    expect(await refusedWith({ rows: [] })).toEqual([
      'expected { selection: { points, pointIndices, box, lasso } }, got {"rows":[]}',
    ]);
    // The refused values left the app's value as it was.
    expect(shown(at)[0]).toBe("[2]");
  });

  test("an onSelect function runs before the rerun, and sees the new selection in st.session", async () => {
    let seen: unknown;
    const app = defineApp((st) => {
      st.plotlyChart(figure, {
        key: "picked",
        onSelect: () => {
          seen = st.session.picked;
        },
      });
    });
    const at = await AppTest.fromApp(app).run();
    const selection = {
      points: [{ curveNumber: 1, pointNumber: 1, pointIndex: 1, x: "b", y: 2 }],
      pointIndices: [1],
      box: [],
      lasso: [],
    };
    await at.plotlyChart({ key: "picked" }).setValue({ selection }).run();
    expect(seen).toEqual({ selection });
  });
});

describe("st.echartsChart and st.graphvizChart", () => {
  test("an ECharts option is sent as JSON with its renderer; a formatter function is an error", async () => {
    const at = await runApp((st) =>
      st.echartsChart(
        { series: [{ type: "pie", data: [1, 2] }] },
        { renderer: "canvas", height: 250 },
      ),
    );
    expect(at.get("echartsChart")[0]!.props).toEqual({
      option: { series: [{ type: "pie", data: [1, 2] }] },
      renderer: "canvas",
      theme: "streamlit",
      height: 250,
    });
    expect(await errorOf((st) => st.echartsChart({ tooltip: { formatter: () => "x" } }))).toMatch(
      /st\.echartsChart: option\.tooltip\.formatter is a function/,
    );
    expect(await errorOf((st) => st.echartsChart({}, { renderer: "webgl" as never }))).toMatch(
      /renderer must be "svg" or "canvas"/,
    );
    expect(await errorOf((st) => st.echartsChart([] as never))).toMatch(
      /the option must be an object; got an array/,
    );
  });

  test("a DOT graph is sent as given with its engine; an empty one or an unknown engine is an error", async () => {
    const at = await runApp((st) => st.graphvizChart("digraph { a -> b }", { engine: "neato" }));
    expect(at.get("graphvizChart")[0]!.props).toEqual({
      dot: "digraph { a -> b }",
      engine: "neato",
    });
    expect(await errorOf((st) => st.graphvizChart("  "))).toMatch(/give the graph as a DOT string/);
    expect(
      await errorOf((st) => st.graphvizChart("graph {}", { engine: "magic" as never })),
    ).toMatch(/engine must be one of dot, neato/);
  });
});

describe("st.map", () => {
  test("finds latitude and longitude columns by name, whatever their case", () => {
    for (const [lat, lon] of [
      ["lat", "lon"],
      ["latitude", "longitude"],
      ["LAT", "LON"],
      ["Latitude", "lng"],
      ["LATITUDE", "LNG"],
    ] as const) {
      const props = mapProps([{ [lat]: 10, [lon]: 20, other: 1 }], {});
      expect(props.latitude, `${lat}/${lon}`).toEqual([10]);
      expect(props.longitude, `${lat}/${lon}`).toEqual([20]);
    }
    const named = mapProps({ y: [1, 2], x: [3, 4] }, { latitude: "y", longitude: "x" });
    expect(named).toMatchObject({ latitude: [1, 2], longitude: [3, 4], size: 100 });
  });

  test("size and colour: one for all or a column of them; zoom as given", () => {
    const rows = [
      { lat: 1, lon: 2, people: 500, tint: "#ff0000" },
      { lat: 3, lon: 4, people: 900, tint: "teal" },
    ];
    expect(mapProps(rows, { size: "people", color: "tint", zoom: 4 })).toMatchObject({
      size: [500, 900],
      color: ["#ff0000", "teal"],
      zoom: 4,
    });
    expect(mapProps(rows, { size: 50, color: "#0af" })).toMatchObject({ size: 50, color: "#0af" });
  });

  test("missing or bad columns are errors that name the columns", async () => {
    expect(await errorOf((st) => st.map([{ x: 1, y: 2 }]))).toMatch(
      /st\.map: the data has no latitude column; name one "lat", "latitude" \(any case\) or pass \{ latitude: "<column>" \} \(its columns: "x", "y"\)/,
    );
    expect(await errorOf((st) => st.map([{ lat: 1, where: 2 }]))).toMatch(/no longitude column/);
    expect(await errorOf((st) => st.map([{ lat: 1, lon: 2 }], { latitude: "north" }))).toMatch(
      /latitude names "north", which is not a column of the data/,
    );
    expect(await errorOf((st) => st.map([{ lat: 95, lon: 2 }]))).toMatch(
      /the latitude column "lat" must hold numbers from -90 to 90; row 0 holds "95"/,
    );
    expect(
      await errorOf((st) =>
        st.map([
          { lat: 1, lon: null },
          { lat: 1, lon: 2 },
        ]),
      ),
    ).toMatch(/row 0 holds nothing/);
    expect(await errorOf((st) => st.map([{ lat: 1, lon: 2 }], { color: "not a colour;" }))).toMatch(
      /color must be a CSS colour/,
    );
    expect(await errorOf((st) => st.map([{ lat: 1, lon: 2 }], { zoom: 30 }))).toMatch(
      /zoom must be a number from 0 to 24/,
    );
  });

  test("a selection of points reaches the app; one that does not fit the map is refused", async () => {
    const app = defineApp((st) => {
      const state = st.map(
        { lat: [1, 2, 3], lon: [4, 5, 6] },
        { onSelect: "rerun", key: "places" },
      );
      st.text(JSON.stringify(state.selection.indices));
    });
    const at = await AppTest.fromApp(app).run();
    expect(at.get("map")[0]!.props.selection).toEqual({
      mode: "single-object",
      value: { selection: { indices: [] } },
    });
    await at
      .map({ key: "places" })
      .setValue({ selection: { indices: [2] } })
      .run();
    expect(shown(at)).toEqual(["[2]"]);
    await at
      .map({ key: "places" })
      .setValue({ selection: { indices: [0, 1] } })
      .run();
    expect(reasons(at)).toEqual(["this map selects one point at most, got 2"]);
    await at
      .map({ key: "places" })
      .setValue({ selection: { indices: [3] } })
      .run();
    expect(reasons(at)).toEqual(["index 3 is not a point of the map (it has 3, numbered from 0)"]);
    expect(shown(at)).toEqual(["[2]"]);

    const multi = defineApp((st) => {
      const state = st.map(
        { lat: [1, 2, 3], lon: [4, 5, 6] },
        { onSelect: "rerun", selectionMode: "multi-object", key: "m" },
      );
      st.text(JSON.stringify(state.selection.indices));
    });
    const many = await AppTest.fromApp(multi).run();
    await many
      .map({ key: "m" })
      .setValue({ selection: { indices: [0, 2] } })
      .run();
    expect(shown(many)).toEqual(["[0,2]"]);
    await many
      .map({ key: "m" })
      .setValue({ selection: { indices: [2, 2] } })
      .run();
    expect(reasons(many)).toEqual(["a point is selected twice"]);
  });
});

describe("what the chart libraries need of the page's policy", () => {
  test("the map's style host joins connect-src; none adds nothing; a bad style is refused at startup", () => {
    expect(mapStyleSources(undefined)).toEqual({
      "connect-src": ["https://basemaps.cartocdn.com", "https://tiles.basemaps.cartocdn.com"],
    });
    expect(
      mapStyleSources("https://maps.example.com/style.json", {
        "connect-src": ["https://api.example.com"],
      }),
    ).toEqual({
      "connect-src": ["https://api.example.com", "https://maps.example.com"],
    });
    expect(mapStyleSources("none", { "img-src": ["x:"] })).toEqual({ "img-src": ["x:"] });
    expect(() => mapStyleSources("javascript:alert(1)")).toThrow(
      /mapStyle must be an http\(s\) URL/,
    );
  });

  test("only the Graphviz worker's script gets a policy that allows WebAssembly", () => {
    const asset = () => new Response("x", { headers: { "content-type": "text/javascript" } });
    expect(
      workerCspFor("/assets/graphviz-worker-BLskDQMq.js", asset()).headers.get(
        "content-security-policy",
      ),
    ).toBe(GRAPHVIZ_WORKER_CSP);
    expect(
      workerCspFor("/assets/index-abc.js", asset()).headers.get("content-security-policy"),
    ).toBeNull();
  });
});
