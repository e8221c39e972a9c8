import type { St } from "edgelit";

/**
 * The tour's Layout section: the page's layout, columns, tabs, containers, expanders, popovers
 * and the pinned bottom. It takes `st` itself (not any container) for `st.bottom`.
 */
export default function layoutSection(st: St): void {
  st.header("Layout", { divider: true });
  // The page's layout for this view: a later call, or none, and the app's layout is back.
  const wide = st.toggle("Wide layout", { help: 'st.setPageConfig({ layout: "wide" })' });
  st.setPageConfig({ layout: wide ? "wide" : "centered" });
  const [left, right] = st.columns([2, 1], { gap: "medium" });
  left.write("A wide column (2 parts)…");
  right.write("…and a narrow one (1 part).");

  const [tall, short] = st.columns(2, { verticalAlignment: "center", border: true });
  tall.write("A tall column:\n\nits content\n\ntakes\n\nseveral lines.");
  short.write("Centred beside it.");

  const [first, second] = st.tabs(["First tab", "Second tab"]);
  first.write("Content of the first tab.");
  second.write("Content of the second tab: switching tabs needs no rerun.");

  const box = st.container({ border: true });
  box.write("A container with a border.");
  const log = st.container({ height: 160, key: "log" });
  for (let line = 1; line <= 12; line++)
    log.text(`Log line ${line} of a container 160 px high: it scrolls.`);

  const details = st.expander("Open me", { icon: "🔍" });
  details.write("Expanders hold anything, widgets included.");
  details.checkbox("A checkbox inside an expander");

  const settings = st.popover("Popover settings", {
    icon: "⚙️",
    help: "Opens in the page, without a rerun",
  });
  const shout = settings.toggle("Shout");
  settings.caption("Click outside or press Escape to close.");
  st.write(shout ? "HELLO FROM THE POPOVER!" : "Hello from the popover.");

  st.bottom.caption("Pinned to the bottom of the page with st.bottom.");
}
