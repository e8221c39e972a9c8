import type { St } from "edgelit";
import { chartLibrariesSection } from "../sections/chart-libraries.ts";

const CITIES = ["Oslo", "Lisbon", "Nairobi", "Lima", "Osaka", "Perth"];
const DAY = 86_400_000;

/**
 * A year of made-up daily readings for six cities, built once when the app
 * loads: the same object every run, so a rerun neither encodes nor sends it again.
 */
const readings = Array.from({ length: 365 * CITIES.length }, (_, i) => {
  const city = CITIES[i % CITIES.length]!;
  const day = Math.floor(i / CITIES.length);
  const seasonal = Math.sin(((day + (i % CITIES.length) * 40) / 365) * 2 * Math.PI);
  return {
    city,
    date: new Date(Date.UTC(2025, 0, 1) + day * DAY),
    temperature: Math.round((14 + 10 * seasonal + ((i * 7919) % 50) / 10) * 10) / 10,
    rain: ((i * 104_729) % 13) / 2,
    sunny: (i * 31) % 3 === 0,
  };
});

/** Chores to edit: each user's edits apply to these rows. */
const CHORES: { chore: string; who: string; minutes: number | null; done: boolean }[] = [
  { chore: "Water the plants", who: "Ada", minutes: 10, done: false },
  { chore: "Fix the bike", who: "Alan", minutes: 45, done: false },
  { chore: "Write the report", who: "Grace", minutes: 90, done: true },
];

/** The Data page: a grid over thousands of rows to select in, an editor, a static table, and `st.write` of records. */
export default function dataPage(st: St): void {
  st.header("Data", { divider: true });
  st.markdown(
    "Tables travel as Apache Arrow batches stored with the session: the page fetches the rows " +
      "it scrolls to, and an unchanged table costs nothing on the next run.",
  );

  st.subheader("A grid");
  const hideIndex = st.toggle("Hide the row numbers");
  const { selection } = st.dataframe(readings, {
    key: "readings",
    height: 320,
    hideIndex,
    onSelect: "rerun",
    selectionMode: "multi-row",
    columnConfig: {
      city: st.columnConfig.text("City", { pinned: true, width: "small" }),
      date: st.columnConfig.date("Day", { format: "D MMM YYYY" }),
      temperature: st.columnConfig.number("Temperature", { format: "%.1f °C" }),
      rain: st.columnConfig.progress("Rain (mm)", { min: 0, max: 6, format: "%.1f" }),
      sunny: st.columnConfig.checkbox("Sunny"),
    },
  });
  st.caption(
    `${readings.length.toLocaleString("en")} rows: sort with a column's arrow, search or download ` +
      "from the toolbar over the grid, and tick rows to select them.",
  );
  const chosen = selection.rows.map((row) => readings[row]!);
  if (chosen.length > 0) {
    const mean = chosen.reduce((sum, row) => sum + row.temperature, 0) / chosen.length;
    st.markdown(
      `**${chosen.length} selected**, mean temperature ${mean.toFixed(1)} °C, in ` +
        `${[...new Set(chosen.map((row) => row.city))].join(", ")}.`,
    );
  }

  st.subheader("An editor");
  const chores = st.dataEditor(CHORES, {
    key: "chores",
    numRows: "dynamic",
    columnConfig: {
      chore: st.columnConfig.text("Chore", { required: true }),
      who: st.columnConfig.selectbox("Who", { options: ["Ada", "Grace", "Alan"], default: "Ada" }),
      minutes: st.columnConfig.number("Minutes", { min: 0, max: 240, default: 15 }),
      done: st.columnConfig.checkbox("Done", { default: false }),
    },
  });
  const left = chores.filter((chore) => !chore.done);
  st.caption(
    "Double-click a cell (or press Enter) to edit it, Enter or Tab to keep the change, Escape to " +
      "drop it; add rows at the bottom and delete ticked ones from the toolbar. " +
      `${left.length} of ${chores.length} chores left, ` +
      `${left.reduce((sum, chore) => sum + (chore.minutes ?? 0), 0)} minutes.`,
  );

  st.subheader("A static table");
  const summary = CITIES.map((city) => {
    const rows = readings.filter((row) => row.city === city);
    const mean = rows.reduce((sum, row) => sum + row.temperature, 0) / rows.length;
    return {
      city,
      "mean °C": Math.round(mean * 10) / 10,
      "rainy days": rows.filter((row) => row.rain > 0).length,
    };
  });
  st.table(summary);

  st.subheader("st.write of records");
  st.write(summary.slice(0, 2));

  chartLibrariesSection(st, Object.fromEntries(summary.map((row) => [row.city, row["mean °C"]])));
}
