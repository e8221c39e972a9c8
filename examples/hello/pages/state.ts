import { cacheData, type St } from "edgelit";

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A slow computation, kept in the shared store: every server and every session gets the answer once it is known. */
const slowSquare = cacheData(
  async (n: number) => {
    await sleep(500);
    return { square: n * n, computedAt: new Date().toISOString() };
  },
  { name: "hello-tour-square", ttl: 3600 },
);

/** The State page: session state that survives reruns, reloads and server restarts; caching; rerun and stop. */
export default async function statePage(st: St): Promise<void> {
  st.header("State", { divider: true });
  st.session.clicks ??= 0;
  st.session.since ??= new Date();
  st.button("Click", { onClick: () => st.session.clicks++ });
  st.metric("Clicks this session", st.session.clicks);
  st.caption(
    `Session started ${(st.session.since as Date).toISOString()}; reload the tab and it is still here.`,
  );
  if (st.button("Reset")) {
    st.session.clicks = 0;
    st.rerun();
  }

  st.subheader("Caching");
  const n = st.numberInput("A number to square, slowly", { min: 0, max: 1000, value: 12 });
  const { square, computedAt } = await st.spinner("Squaring…", () => slowSquare(n));
  st.write(`${n}² = ${square}, computed at ${computedAt}.`);
  st.caption(
    "`cacheData` keeps each answer in the shared store: pick a number again and it comes back at once, for every session.",
  );

  st.subheader("Stopping a run");
  if (st.checkbox("Stop the script here")) {
    st.caption("`st.stop()` ended the run: nothing below this line is drawn.");
    st.stop();
  }
  st.write("The last line of the page: `st.stop()` above would leave it out.");
}
