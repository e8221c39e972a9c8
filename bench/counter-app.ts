import { defineApp } from "edgelit";

/**
 * The benchmark's app: a title, 20 lines of text, a button, a slider, a text
 * input (about 25 elements). With `everyLineShowsTheCount` every line shows
 * the count, so a click changes 21 of the 25 elements (as in Streamlit's
 * counter demo); otherwise a click changes one element.
 */
export function counterAppOf(everyLineShowsTheCount: boolean) {
  return defineApp((st) => {
    st.title("Counter");
    st.session.count ??= 0;
    if (everyLineShowsTheCount) {
      // Drawn above the button: each line shows the count before this run's click.
      for (let line = 1; line <= 20; line++)
        st.write(`Line ${line} of a report: the count is ${st.session.count}.`);
    } else {
      for (let line = 1; line <= 20; line++)
        st.write(`Line ${line} of a report that does not change between runs.`);
    }
    if (st.button("Add one")) st.session.count++;
    const step = st.slider("Step", { min: 1, max: 10, value: 1 });
    const name = st.textInput("Name");
    st.write(`Count is ${st.session.count}, step ${step}${name ? `, hello ${name}` : ""}`);
  });
}

/** The app the bench serves: `EDGELIT_BENCH_COUNTER=lines` picks the variant that changes 21 of 25. */
export default counterAppOf(process.env.EDGELIT_BENCH_COUNTER === "lines");
