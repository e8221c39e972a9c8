import { defineApp } from "edgelit";

/** The benchmark's app: a title, 20 lines of text, a button, a slider, a text input (about 25 elements). */
export default defineApp((st) => {
  st.title("Counter");
  st.session.count ??= 0;
  for (let line = 1; line <= 20; line++)
    st.write(`Line ${line} of a report that does not change between runs.`);
  if (st.button("Add one")) st.session.count++;
  const step = st.slider("Step", { min: 1, max: 10, value: 1 });
  const name = st.textInput("Name");
  st.write(`Count is ${st.session.count}, step ${step}${name ? `, hello ${name}` : ""}`);
});
