import { defineApp } from "edgelit";
import layoutSection from "./sections/layout.ts";

/** The tour: every element edgelit has, on one page. Run it with `npx edgelit hello`. */
export default defineApp(
  (st) => {
    const section = st.sidebar.radio("Tour", ["Text", "Widgets", "Layout", "State"], { key: "section" });
    st.sidebar.caption("Every click is one stateless request: restart the server and carry on.");

    st.title("Hello, edgelit");
    st.markdown("Data apps in **Streamlit's model**, on a server that keeps *nothing* between events.");

    if (section === "Text") {
      st.header("Text", { divider: true });
      st.subheader("Markdown, code and data");
      st.markdown("Markdown with `code`, [links](https://unstorage.unjs.io) and lists:\n\n- one\n- two");
      st.text("Plain text keeps   its spacing.");
      st.caption("A caption, for footnotes.");
      st.code('st.title("Hello");', { language: "ts" });
      st.json({ store: "fs", replicas: 3, sticky: false });
      st.write("`st.write` picks the element:", 42, { also: ["objects", "as", "JSON"] });
      const [a, b, c] = st.columns(3);
      a.metric("Events", 1284, { delta: 12 });
      b.metric("Latency", "3.1 ms", { delta: "-0.4 ms", deltaColor: "inverse" });
      c.metric("Errors", 0, { delta: 0 });
      st.divider();
      st.info("An info callout.");
      st.success("A success callout.");
      st.warning("A warning callout.");
      st.error("An error callout.");
    }

    if (section === "Widgets") {
      st.header("Widgets", { divider: true });
      const name = st.textInput("Name", { placeholder: "Ada", help: "Press Enter to apply" });
      const bio = st.textArea("About you", { placeholder: "A line or two" });
      const age = st.numberInput("Age", { min: 0, max: 130, value: 30 });
      const level = st.slider("Level", { min: 0, max: 10, value: 3 });
      const [low, high] = st.slider("Budget", { min: 0, max: 1000, value: [200, 800], step: 50 });
      const color = st.selectbox("Colour", ["red", "green", "blue"]);
      const size = st.radio("Size", ["S", "M", "L"], { horizontal: true, index: 1 });
      const toppings = st.multiselect("Toppings", ["cheese", "olives", "basil"], { default: ["basil"] });
      const agree = st.checkbox("I agree");
      const dark = st.toggle("Dark mode");
      if (st.button("Submit", { type: "primary" })) st.success(`Thanks${name ? `, ${name}` : ""}!`);
      st.json({ name, bio, age, level, budget: [low, high], color, size, toppings, agree, dark });
    }

    if (section === "Layout") layoutSection(st);

    if (section === "State") {
      st.header("State", { divider: true });
      st.session.clicks ??= 0;
      st.session.since ??= new Date();
      st.button("Click", { onClick: () => st.session.clicks++ });
      st.metric("Clicks this session", st.session.clicks);
      st.caption(`Session started ${(st.session.since as Date).toISOString()}; reload the tab and it is still here.`);
      if (st.button("Reset")) {
        st.session.clicks = 0;
        st.rerun();
      }
    }
  },
  { title: "Hello · edgelit" },
);
