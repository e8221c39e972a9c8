import { defineApp } from "edgelit";

/** A counter: each click is one stateless request, and the count lives in the session store. */
export default defineApp((st) => {
  st.title("Counter");
  // The runtime's bindings: wrangler.toml's [vars] on Workers, the environment on Node.
  const greeting = st.context.env.GREETING;
  st.caption(typeof greeting === "string" ? greeting : "Hello from edgelit");
  st.session.count ??= 0;
  if (st.button("Add one")) st.session.count++;
  st.metric("Count", st.session.count);
});
