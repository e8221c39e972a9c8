import type { St } from "edgelit";

/**
 * The tour's part on pages and URLs. It takes `St` rather than a container:
 * `st.queryParams` belongs to the app, not to a block of the page.
 * `here` is the path of the page it is drawn on, for its links with a query.
 */
export default function multipageSection(st: St, here = "/"): void {
  st.header("Pages and URLs", { divider: true });
  st.markdown(
    "An app can have **pages**, each at its own URL. Make them once with `page()` and let " +
      "`st.navigation` pick the one the URL names; the menu switches pages without loading the document, " +
      "and reloads, shared links and the back button all land on the same page.",
  );
  st.code(
    [
      'import { defineApp, page } from "edgelit";',
      "",
      'const home = page(homePage, { title: "Home", icon: "🏠" });',
      'const settings = page(settingsPage, { title: "Settings" }); // at /settings',
      "",
      "export default defineApp(async (st) => {",
      '  const current = st.navigation([home, settings]); // or { position: "top" }, or "hidden"',
      "  await current.run(st);",
      "});",
    ].join("\n"),
    { language: "ts" },
  );

  st.subheader("Query params");
  const greeting = st.queryParams.greeting;
  st.write(greeting ? `The URL says **${greeting}**.` : "There is no `?greeting=` in the URL yet.");
  st.pageLink(`${here}?greeting=hello`, { label: `Go to ${here}?greeting=hello`, icon: "🔗" });
  if (st.button("Write ?greeting=bonjour from the app")) {
    st.queryParams.greeting = "bonjour";
    st.rerun(); // the text above shows the new value at once
  }
  if (greeting !== undefined && st.button("Clear the query")) {
    st.queryParams.clear();
    st.rerun();
  }
  if (
    st.button("Back to the first page", {
      help: "st.switchPage ends this run and runs the app on another page",
    })
  )
    st.switchPage("/");
  st.pageLink("https://docs.streamlit.io/develop/concepts/multipage-apps", {
    label: "Streamlit's multipage apps",
    icon: "📖",
  });
  st.caption(
    "This tour is a multipage app itself; `npx edgelit run examples/multipage/app.ts` runs a smaller one.",
  );
}
