import type { Page, St } from "edgelit";

/** The tour's first page: what edgelit is, and a link to every other page. Light, for a fast first load. */
export default function welcomePage(st: St, tour: readonly Page[]): void {
  st.title("Hello, edgelit");
  st.markdown(
    "edgelit runs data apps in **Streamlit's model**: your script reruns from top to bottom on every event, " +
      "and each widget simply returns its value. Its server keeps *nothing* between events: each one is a " +
      "stateless request that loads the session from a store, reruns the script, streams what changed and " +
      "saves the session again, so any replica (or a Worker at the edge) can answer it.",
  );
  st.subheader("The tour");
  for (const stop of tour) st.pageLink(stop);
  st.caption("Each page shows one family of elements, with the code's ideas in its captions.");
}
