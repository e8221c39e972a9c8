import { dialog, fragment, type St } from "edgelit";

/**
 * Fragments and dialogs are defined at module scope, each with an id unique in
 * the app: an event that reruns one reaches any server with only that id.
 */

/** Reruns by itself every two seconds while the page is visible. */
export const clock = fragment(
  "hello-clock",
  (st) => {
    st.session.clockTicks = (st.session.clockTicks ?? 0) + 1;
    st.metric("Clock ticks", st.session.clockTicks);
    st.caption(`Server time ${new Date().toISOString().slice(11, 19)} UTC: only this box reruns.`);
  },
  { runEvery: 2 },
);

/** A widget inside reruns only this fragment; `label` comes from the last full run. */
export const counter = fragment("hello-counter", (st, args: { label: string }) => {
  st.session.fragmentClicks ??= 0;
  if (st.button("Add one")) st.session.fragmentClicks++;
  st.metric(args.label, st.session.fragmentClicks);
});

/** A fragment in a modal: its widgets keep it open; `st.rerun()` closes it. */
export const vote = dialog("Cast your vote", (st, args: { item: string }) => {
  const reason = st.textInput(`Why ${args.item}?`, { placeholder: "Press Enter to apply" });
  st.write(reason ? `Because: ${reason}` : "Tell us why, then submit.");
  if (st.button("Submit vote", { type: "primary" })) {
    st.session.vote = { item: args.item, reason };
    st.rerun();
  }
});

/** The tour's fragments section. */
export default function fragmentsSection(st: St): void {
  st.header("Fragments and dialogs", { divider: true });
  st.session.fullRuns = (st.session.fullRuns ?? 0) + 1;
  st.metric("Full runs of the app", st.session.fullRuns);
  st.caption(
    "This count grows only when the whole script runs; the boxes below rerun on their own.",
  );

  const label = st.textInput("Counter label", { value: "Clicks" });
  const box = st.container({ border: true });
  counter(box, { label });
  clock(st.container({ border: true }));

  if (st.button("Vote for edgelit")) vote(st, { item: "edgelit" });
  const cast = st.session.vote as { item: string; reason: string } | undefined;
  if (cast) st.success(`You voted for ${cast.item}${cast.reason ? `: ${cast.reason}` : ""}.`);
}
