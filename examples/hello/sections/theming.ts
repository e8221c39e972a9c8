import type { Container } from "edgelit";

/** The tour's theming section: how an app sets its look, and what readers can change. */
export default function themingSection(st: Container): void {
  st.header("Theming", { divider: true });
  st.markdown(
    "The page is **light or dark as the reader's system is**. Readers can pick *Light* or *Dark* " +
      "in the **⋮** menu at the top right; the choice is kept in their browser and applies at once, " +
      "without a request to the server.",
  );
  st.subheader("An app's own look");
  st.markdown("Give `defineApp` a `theme`, with Streamlit's `[theme]` options in camelCase:");
  st.code(
    [
      "export default defineApp(script, {",
      "  theme: {",
      '    primaryColor: "#7c3aed",       // buttons, sliders, tabs, focus rings',
      '    font: "serif",                 // or "sans-serif", "monospace", or a font-family list',
      "    codeFont: '\"Fira Code\", monospace',",
      '    baseRadius: "large",           // "none" | "small" | "medium" | "large" | "full" | "6px"',
      '    // base: "dark",               // fix the scheme instead of following the system',
      "    // backgroundColor, secondaryBackgroundColor, textColor: the base scheme's colours",
      '    // fontFaces: [{ family: "Inter", url: "https://.../inter.woff2", weight: "100 900" }],',
      "  },",
      "});",
    ].join("\n"),
    { language: "ts" },
  );
  st.caption(
    "Colours are checked when the app starts (a CSS colour: #hex, rgb(), hsl() or a name), and the server " +
      "writes the theme into the page it serves, so the first paint is already themed.",
  );
  st.subheader("What the theme colours");
  const [left, right] = st.columns(2);
  left!.button("A primary button", { type: "primary" });
  left!.slider("A slider", { min: 0, max: 10, value: 6 });
  left!.toggle("A toggle", { value: true });
  right!.info("Callouts keep their own colours, tuned for light and dark.");
  right!.metric("Readers on dark mode", "41 %", { delta: "3 %" });
  st.json({ primaryColor: "#7c3aed", base: null, baseRadius: "large" }, { expanded: true });
}
