import type { St } from "edgelit";

/** The six cities of the Data page, where they are. */
const PLACES = [
  { city: "Oslo", lat: 59.91, lon: 10.75 },
  { city: "Lisbon", lat: 38.72, lon: -9.14 },
  { city: "Nairobi", lat: -1.29, lon: 36.82 },
  { city: "Lima", lat: -12.05, lon: -77.04 },
  { city: "Osaka", lat: 34.69, lon: 135.5 },
  { city: "Perth", lat: -31.95, lon: 115.86 },
];

/**
 * Plotly, ECharts, Graphviz and a map, each drawn by a library the page loads
 * the first time it shows one (a page without them loads none of it).
 */
export function chartLibrariesSection(st: St, meanTemperature: Record<string, number>): void {
  st.subheader("Plotly, ECharts, Graphviz and maps");
  const cities = Object.keys(meanTemperature);
  const { selection } = st.plotlyChart(
    {
      data: [{ type: "bar", x: cities, y: cities.map((city) => meanTemperature[city]) }],
      layout: { title: { text: "Mean temperature (°C)" }, height: 320 },
    },
    { onSelect: "rerun", selectionMode: "points", key: "temperature-bars" },
  );
  const picked = selection.points.map((point) => point.x);
  st.caption(picked.length > 0 ? `You clicked ${picked.join(", ")}.` : "Click a bar to select it.");
  st.echartsChart(
    {
      tooltip: {},
      xAxis: { type: "category", data: cities },
      yAxis: { type: "value", name: "°C" },
      series: [{ type: "line", smooth: true, data: cities.map((city) => meanTemperature[city]) }],
    },
    { height: 280 },
  );
  st.graphvizChart(
    "digraph { rankdir=LR; node [shape=box]; event -> load -> rerun -> stream -> save }",
  );
  st.map(PLACES, { size: 300_000 });
}
