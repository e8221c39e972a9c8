import { defineApp, fragment } from "edgelit";

/** A live tile that reruns alone: a button and its count. */
export const tile = fragment("bench-tile", (st) => {
  st.session.tileClicks ??= 0;
  if (st.button("Inside")) st.session.tileClicks++;
  st.write(`Tile clicks: ${st.session.tileClicks}`);
});

/**
 * The counter app with a fragment in it: a title, 20 lines of text, a slider,
 * a text input, the tile, and a button outside it (about 27 elements).
 */
export default defineApp((st) => {
  st.title("Counter with a tile");
  for (let line = 1; line <= 20; line++)
    st.write(`Line ${line} of a report that does not change between runs.`);
  const step = st.slider("Step", { min: 1, max: 10, value: 1 });
  const name = st.textInput("Name");
  tile(st);
  st.session.count ??= 0;
  if (st.button("Outside")) st.session.count++;
  st.write(`Count is ${st.session.count}, step ${step}${name ? `, hello ${name}` : ""}`);
});
