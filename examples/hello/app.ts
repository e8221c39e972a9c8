import { defineApp, page } from "edgelit";
import formsSection from "./sections/forms.ts";
import fragmentsSection from "./sections/fragments.ts";
import layoutSection from "./sections/layout.ts";
import multipageSection from "./sections/multipage.ts";
import themingSection from "./sections/theming.ts";
import chartsPage from "./pages/charts.ts";
import dataPage from "./pages/data.ts";
import mediaPage from "./pages/media.ts";
import statePage from "./pages/state.ts";
import statusPage from "./pages/status.ts";
import textPage from "./pages/text.ts";
import welcomePage from "./pages/welcome.ts";
import widgetsPage from "./pages/widgets.ts";
import { tourLogoSvg } from "./logo.ts";

/**
 * The tour: every element edgelit has, one page per family, as a multipage
 * app made with edgelit's own `page()` and `st.navigation`. Each page's
 * heading is its menu title. Run it with `npx edgelit hello`.
 */
const elements = [
  page(textPage, { title: "Text", icon: "📝" }),
  page(widgetsPage, { title: "Widgets", icon: "🎛️" }),
  page(layoutSection, { title: "Layout", icon: "🧱" }),
  page(dataPage, { title: "Data", icon: "📊" }),
  page(chartsPage, { title: "Charts", icon: "📈" }),
  page(mediaPage, { title: "Media and uploads", icon: "🖼️", urlPath: "media" }),
  page(statusPage, { title: "Status and chat", icon: "💬", urlPath: "status" }),
];
const structure = [
  page(formsSection, { title: "Forms", icon: "📋" }),
  page(fragmentsSection, { title: "Fragments and dialogs", icon: "🧩", urlPath: "fragments" }),
  page((st) => multipageSection(st, "/pages"), {
    title: "Pages and URLs",
    icon: "🔗",
    urlPath: "pages",
  }),
  page(themingSection, { title: "Theming", icon: "🎨" }),
  page(statePage, { title: "State", icon: "💾" }),
];
const welcome = page((st) => welcomePage(st, [...elements, ...structure]), {
  title: "Welcome",
  icon: "👋",
});

export default defineApp(
  async (st) => {
    st.logo(tourLogoSvg());
    const current = st.navigation({
      "": [welcome],
      Elements: elements,
      "App structure": structure,
    });
    st.sidebar.caption("Every click is one stateless request: restart the server and carry on.");
    await current.run(st);
  },
  { title: "Hello · edgelit" },
);
