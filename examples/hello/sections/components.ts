import { component, declareComponent, type St } from "edgelit";

/**
 * A component declared from a frontend folder, as Streamlit's `declare_component`. This one is
 * plain HTML; one built with streamlit-component-lib (React or not) is declared the same way.
 * On Cloudflare Workers there is no folder to read: give such a component a `url` instead.
 */
const stars = declareComponent("hello-stars", {
  path: typeof import.meta.url === "string" ? new URL("../components/stars", import.meta.url) : "",
});

/**
 * An inline component: HTML and CSS in a shadow root of the page, and a module that runs in the
 * page itself (trusted app code). Its state is a widget value; a trigger value lasts one run.
 */
const tally = component("hello-tally", {
  html: `<button id="add">Tally +1</button> <button id="wave">Wave</button> <span id="shown"></span>`,
  css: "button { font: inherit; padding: 0.25rem 0.75rem; } #shown { margin-left: 0.5rem; }",
  js: `export default function ({ parentElement, state, setStateValue, setTriggerValue }) {
  const tally = state.tally ?? 0;
  parentElement.querySelector("#shown").textContent = "▮".repeat(Math.min(tally, 20));
  parentElement.querySelector("#add").onclick = () => setStateValue("tally", tally + 1);
  parentElement.querySelector("#wave").onclick = () => setTriggerValue("wave", true);
}`,
});

/** Custom components: a frontend in a sandboxed frame, and an inline one in the page. */
export function componentsSection(st: St): void {
  st.subheader("Custom components");
  st.caption(
    "`declareComponent` runs a Streamlit component's frontend unchanged, in a sandboxed frame; what it sends is the component's value.",
  );
  const rating = stars<number>(st, { count: 5 }, { key: "stars", default: 0, height: 40 });
  st.write(rating ? `You gave ${rating} stars.` : "Rate the tour with the stars above.");

  const marks = tally(st, { key: "tally", default: { tally: 0 } });
  st.caption(
    marks.wave
      ? "The component waved: a trigger value, true for this run only."
      : `\`component\` mounts its own module in the page: tally ${String(marks.tally)}.`,
  );
}
