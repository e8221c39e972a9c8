import type { St } from "edgelit";
import textSection from "../sections/text.ts";

/** The Text page: headings, markdown, code, data, metrics and callouts, then rich text. */
export default function textPage(st: St): void {
  st.header("Text", { divider: true });
  st.subheader("Markdown, code and data");
  st.markdown(
    "Markdown with `code`, [links](https://unstorage.unjs.io) and lists:\n\n- one\n- two",
  );
  st.text("Plain text keeps   its spacing.");
  st.caption("A caption, for footnotes.");
  st.code('st.title("Hello");', { language: "ts" });
  st.json({ store: "fs", replicas: 3, sticky: false });
  st.write("`st.write` picks the element:", 42, { also: ["objects", "as", "JSON"] });
  const [a, b, c] = st.columns(3);
  a.metric("Events", 1284, { delta: 12 });
  b.metric("Latency", "3.1 ms", { delta: "-0.4 ms", deltaColor: "inverse" });
  c.metric("Errors", 0, { delta: 0, border: true });
  st.divider();
  st.info("An info callout.");
  st.success("A success callout.");
  st.warning("A warning callout.");
  st.error("An error callout.");
  textSection(st);
}
