import { defineApp } from "edgelit";

/**
 * The chart bench's app: one chart of `BENCH_CHART_POINTS` points (100,000 by
 * default), picked by `?chart=`: a Vega-Lite line or scatter chart
 * (`st.lineChart`, `st.scatterChart`) or a Plotly one (an SVG line, a WebGL
 * `scattergl`). "Again" reruns with everything unchanged, "Recolour" changes
 * only the colour, "New data" shows the next of the data sets made at start
 * (made beforehand, so a rerun's cost is the chart's, not the data's making;
 * `?from=` starts elsewhere among them, so that each round of the bench shows
 * data this process has not encoded yet).
 */
export const CHART_POINTS = Number(process.env.BENCH_CHART_POINTS ?? 100_000);
/** Data sets made at start: "New data" steps through them, from the one `?from=` names. */
export const DATA_SETS = Number(process.env.BENCH_CHART_DATA_SETS ?? 12);
export const CHART_KINDS = ["vega-line", "vega-scatter", "plotly-line", "plotly-scatter"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

const xs = Array.from({ length: CHART_POINTS }, (_, i) => i);
const dataSets = Array.from({ length: DATA_SETS }, (_, set) => ({
  x: xs,
  y: xs.map((x) => Math.sin(x / 2000 + set) + ((x * 7919) % 1000) / 4000),
}));

export default defineApp((st) => {
  const kind = (st.queryParams.get("chart") ?? "vega-line") as ChartKind;
  if (st.button("New data")) st.session.dataSet = ((st.session.dataSet as number) ?? 0) + 1;
  if (st.button("Recolour")) st.session.red = !st.session.red;
  st.button("Again");
  const from = Number(st.queryParams.get("from") ?? 0);
  const data = dataSets[(from + ((st.session.dataSet as number | undefined) ?? 0)) % DATA_SETS]!;
  const color = st.session.red ? "#d62728" : "#1f77b4";
  if (kind === "vega-line") st.lineChart(data, { x: "x", y: "y", color });
  else if (kind === "vega-scatter") st.scatterChart(data, { x: "x", y: "y", color });
  else
    st.plotlyChart({
      data: [
        kind === "plotly-line"
          ? { type: "scatter", mode: "lines", x: data.x, y: data.y, line: { color } }
          : {
              type: "scattergl",
              mode: "markers",
              x: data.x,
              y: data.y,
              marker: { color, size: 3 },
            },
      ],
      layout: { margin: { t: 10, l: 40, r: 10, b: 30 } },
    });
  st.text(`chart ${kind} shown`);
});
