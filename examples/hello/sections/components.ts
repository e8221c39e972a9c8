import { declareComponent, type St } from "edgelit";

/**
 * A component declared from a frontend folder, as Streamlit's `declare_component`. This one is
 * plain HTML; one built with streamlit-component-lib (React or not) is declared the same way.
 * On Cloudflare Workers there is no folder to read: give such a component a `url` instead.
 */
const stars = declareComponent("hello-stars", {
  path: typeof import.meta.url === "string" ? new URL("../components/stars", import.meta.url) : "",
});

/** Custom components: a frontend in a sandboxed frame that sends the app a value. */
export function componentsSection(st: St): void {
  st.subheader("Custom components");
  st.caption(
    "`declareComponent` runs a Streamlit component's frontend unchanged, in a sandboxed frame; what it sends is the component's value.",
  );
  const rating = stars<number>(st, { count: 5 }, { key: "stars", default: 0, height: 40 });
  st.write(rating ? `You gave ${rating} stars.` : "Rate the tour with the stars above.");
}
