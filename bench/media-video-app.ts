import { defineApp } from "edgelit";

/** For bench/media-storage.ts: a video uploaded by the bench, shown from its own stored chunks. */
export default defineApp((st) => {
  const clip = st.fileUploader("A video", { type: ["mp4"], maxBytes: 150_000_000 });
  if (clip) st.video(clip);
});
