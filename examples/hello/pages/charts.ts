import type { St } from "edgelit";

const DAY = 86_400_000;

/** Two months of made-up daily figures, wide (one column per series), built once when the app loads. */
const daily = Array.from({ length: 60 }, (_, day) => ({
  date: new Date(Date.UTC(2025, 0, 1) + day * DAY),
  visits: Math.round(200 + 80 * Math.sin(day / 6) + ((day * 37) % 25)),
  signups: Math.round(40 + 20 * Math.cos(day / 9) + ((day * 11) % 9)),
}));

/** The same kind of figures in long form: one row per site and day. */
const bySite = ["shop", "blog", "docs"].flatMap((site, index) =>
  Array.from({ length: 12 }, (_, month) => ({
    month: month + 1,
    site,
    visits: 100 + index * 60 + ((month * (index + 3) * 17) % 70),
  })),
);

/** Points to select in. */
const flowers = Array.from({ length: 80 }, (_, i) => ({
  petal: Math.round((1 + ((i * 7) % 60) / 10) * 10) / 10,
  sepal: Math.round((4 + ((i * 13) % 40) / 10) * 10) / 10,
  species: ["setosa", "versicolor", "virginica"][i % 3]!,
  weight: 5 + (i % 9),
}));

/** The Charts page: the simple charts from a table's columns, a Vega-Lite spec, and a selection. */
export default function chartsPage(st: St): void {
  st.header("Charts", { divider: true });
  st.markdown(
    "Charts are Vega-Lite specs built on the server from your data's columns. The chart library " +
      "loads only on pages that show a chart, and an unchanged chart sends nothing on a rerun.",
  );

  st.subheader("Wide data: one line per column");
  st.lineChart(daily, { x: "date", y: ["visits", "signups"] });

  st.subheader("Long data: a column that splits the series");
  const stack = st.toggle("Stack the bars", { value: true });
  const [area, bars] = st.columns(2);
  area!.areaChart(bySite, { x: "month", y: "visits", color: "site" });
  bars!.barChart(bySite, { x: "month", y: "visits", color: "site", stack });

  st.subheader("Drag a box over the points");
  const { selection } = st.scatterChart(flowers, {
    x: "petal",
    y: "sepal",
    color: "species",
    size: "weight",
    onSelect: "rerun",
    selectionMode: "interval",
    key: "flowers",
  });
  const box = selection.interval as Record<string, number[]> | undefined;
  st.write(
    box?.petal
      ? `Selected petals from ${box.petal[0]!.toFixed(1)} to ${box.petal[1]!.toFixed(1)}.`
      : "Nothing selected yet.",
  );

  st.subheader("Any Vega-Lite spec");
  st.vegaLiteChart(bySite, {
    mark: { type: "bar", cornerRadiusEnd: 4 },
    encoding: {
      x: { field: "visits", aggregate: "sum", type: "quantitative", title: "Visits in the year" },
      y: { field: "site", type: "nominal", sort: "-x" },
      color: { field: "site", type: "nominal", legend: null },
    },
  });
}
