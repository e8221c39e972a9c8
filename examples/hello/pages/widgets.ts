import type { St } from "edgelit";
import pickersSection from "../sections/inputs-a.ts";
import buttonRowsSection from "../sections/inputs-b.ts";

/** The Widgets page: the basic inputs, the pickers, then button rows, ratings, links and celebrations. */
export default function widgetsPage(st: St): void {
  st.header("Widgets", { divider: true });
  st.caption("Each widget returns its value; changing one reruns the script with the new value.");
  const name = st.textInput("Name", { placeholder: "Ada", help: "Press Enter to apply" });
  const bio = st.textArea("About you", { placeholder: "A line or two" });
  const age = st.numberInput("Age", { min: 0, max: 130, value: 30 });
  const level = st.slider("Level", { min: 0, max: 10, value: 3 });
  const [low, high] = st.slider("Budget", { min: 0, max: 1000, value: [200, 800], step: 50 });
  const color = st.selectbox("Colour", ["red", "green", "blue"]);
  const size = st.radio("Size", ["S", "M", "L"], { horizontal: true, index: 1 });
  const toppings = st.multiselect("Toppings", ["cheese", "olives", "basil"], {
    default: ["basil"],
  });
  const agree = st.checkbox("I agree");
  const dark = st.toggle("Dark mode");
  if (st.button("Submit", { type: "primary" })) st.success(`Thanks${name ? `, ${name}` : ""}!`);
  st.json({ name, bio, age, level, budget: [low, high], color, size, toppings, agree, dark });
  pickersSection(st);
  buttonRowsSection(st);
}
