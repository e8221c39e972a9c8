import type { Container } from "edgelit";

/** The tour's button rows and celebrations: pills, segmented controls, feedback, link buttons, balloons and snow. */
export default function buttonRowsSection(st: Container): void {
  st.header("Pills, ratings and links", { divider: true });
  const mood = st.pills("Mood", ["Calm", "Busy", "Festive"], {
    help: "Click the chosen one again to clear it",
  });
  const tags = st.pills("Tags", ["data", "charts", "widgets", "state"], {
    selectionMode: "multi",
    default: ["data"],
  });
  const view = st.segmentedControl("View", ["Map", "Table", "Chart"], { default: "Table" });
  st.write("How was the tour so far?");
  const rating = st.feedback("stars");
  const thumbs = st.feedback("thumbs");
  st.json({
    mood,
    tags,
    view,
    rating: rating === null ? null : `${rating + 1} stars`,
    thumbs: thumbs === null ? null : ["down", "up"][thumbs],
  });

  st.linkButton("Streamlit's docs", "https://docs.streamlit.io", {
    icon: "📖",
    help: "Opens in a new tab",
  });
  const [left, right] = st.columns(2);
  if (left.button("Balloons")) st.balloons();
  if (right.button("Snow")) st.snow();
}
