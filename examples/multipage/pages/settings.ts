import type { St } from "edgelit";

/** Widgets across pages: a keyed widget keeps its value while the user is elsewhere; an unkeyed one is forgotten. */
export default function settings(st: St): void {
  st.title("Settings");
  const name = st.textInput("Display name", {
    key: "displayName",
    help: "Keyed: kept while you visit other pages",
  });
  const nickname = st.textInput("Nickname", { help: "No key: forgotten when you leave this page" });
  st.write(`Display name: ${name || "(none)"} · nickname: ${nickname || "(none)"}`);
  st.caption(
    "Go to another page and come back: the display name is still here, the nickname is not.",
  );
}
