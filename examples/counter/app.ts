import { defineApp } from "edgelit";

export default defineApp(
  async (st) => {
    st.title("Counter");
    st.session.count ??= 0;
    if (st.button("Add one")) st.session.count++;
    const step = st.slider("Step", { min: 1, max: 10, value: 1 });
    if (st.button("Add step")) st.session.count += step;
    const name = st.textInput("Your name", { placeholder: "Ada" });
    const [left, right] = st.columns(2);
    left.metric("Count", st.session.count);
    right.write(`Step is **${step}**`);
    if (name) st.success(`Hello, ${name}!`);
  },
  { title: "Counter · edgelit" },
);
