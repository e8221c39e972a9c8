import type { St } from "edgelit";

/** The State page: session state that survives reruns, reloads and server restarts; rerun and stop. */
export default function statePage(st: St): void {
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

  st.subheader("Stopping a run");
  if (st.checkbox("Stop the script here")) {
    st.caption("`st.stop()` ended the run: nothing below this line is drawn.");
    st.stop();
  }
  st.write("The last line of the page: `st.stop()` above would leave it out.");
}
