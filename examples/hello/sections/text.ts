import type { Container } from "edgelit";

/**
 * The tour's rich-text part: formulas, highlighted code, HTML, badges,
 * Streamlit's markdown directives, help tooltips and label visibility.
 * KaTeX, the highlighter and the HTML sanitizer load only when this shows.
 */
export default function textSection(st: Container): void {
  st.header("Rich text", {
    divider: true,
    help: "Every text element takes a help tooltip, like this one.",
  });

  st.subheader("Formulas");
  st.latex(String.raw`\int_0^1 x^2\,dx = \frac{1}{3}`, {
    help: "Typeset by KaTeX, loaded on demand.",
  });
  st.markdown(String.raw`Inline math works in markdown too: $e^{i\pi} + 1 = 0$, and so do display formulas:

$$
\sum_{k=1}^{n} k = \frac{n(n+1)}{2}
$$`);

  st.subheader("Code");
  st.code(
    `def greet(name: str) -> str:
    """Say hello."""
    return f"Hello, {name}!"  # a comment`,
    { language: "python", lineNumbers: true },
  );
  st.code("SELECT region, SUM(sales) FROM orders GROUP BY region ORDER BY 2 DESC;", {
    language: "sql",
    wrapLines: true,
  });

  st.subheader("Colours, badges and icons");
  st.markdown(
    ":red[Red], :orange[orange], :green[green], :blue[blue], :violet[violet], :gray[gray] and :rainbow[rainbow] text; " +
      ":blue-background[a highlight], a :green-badge[badge], emoji :tada: :rocket: and Material icons :material/favorite: :material/thumb_up:.",
  );
  const [left, middle, right] = st.columns(3);
  left.badge("New", { color: "green", icon: ":material/star:" });
  middle.badge("Beta", { color: "orange" });
  right.badge("Deprecated", { color: "red", icon: "⚠️" });
  st.info("Callouts take Material icons as well.", { icon: ":material/info:" });

  st.subheader("HTML");
  st.html(`<div style="padding: 0.5rem 1rem; border-left: 4px solid teal">
  <b>st.html</b> shows HTML after the browser has sanitized it: scripts and event handlers are removed.
</div>`);

  st.subheader("Labels");
  st.textInput("Search (the label is collapsed, but still names the box)", {
    labelVisibility: "collapsed",
    placeholder: "Search…",
  });
  st.selectbox("Hidden label", ["keeps its space", "above the box"], { labelVisibility: "hidden" });
  st.caption("Hover the ? for help.", {
    help: "Captions, markdown, text and headings all take `help`.",
  });
}
