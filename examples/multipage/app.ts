import { defineApp, page } from "edgelit";
import * as search from "./pages/search.ts";
import settings from "./pages/settings.ts";

/**
 * A multipage app: each page has its own URL (reload it, share it, go back),
 * the menu switches pages without loading the document, and the search page
 * keeps its query in the URL. Run it with `npx edgelit run examples/multipage/app.ts`.
 */
const homePage = page(
  (st) => {
    st.title("A multipage app");
    st.markdown(
      "Every page has its own URL. The menu, the links below and the button switch pages with **one event** and no page load; back and forward work.",
    );
    st.pageLink(searchPage, { label: "Search the animals" });
    st.pageLink(settingsPage);
    st.pageLink("https://docs.streamlit.io/develop/concepts/multipage-apps", {
      label: "Streamlit's multipage apps",
      icon: "📖",
    });
    if (st.button("Open the settings")) st.switchPage(settingsPage);
  },
  { title: "Home", icon: "🏠" },
);
// A module whose default export is the page's function works as well as the function.
const searchPage = page(search, { title: "Search", icon: "🔎" });
const settingsPage = page(settings, { title: "Settings", icon: "⚙️" });

export default defineApp(
  async (st) => {
    const current = st.navigation({ "": [homePage], Tools: [searchPage, settingsPage] });
    st.sidebar.caption("Each page lives at its own URL: reload, share or go back.");
    await current.run(st);
  },
  { title: "Multipage · edgelit" },
);
