import type { St } from "edgelit";
import { componentsSection } from "../sections/components.ts";
import { barChartSvg, onePagePdf, toneWav } from "../../uploads/generated-media.ts";

/** The Media and uploads page: media made in code, downloads, uploads, camera and microphone. */
export default async function mediaPage(st: St): Promise<void> {
  st.header("Media and uploads", { divider: true });
  st.markdown(
    "Media bytes are kept with the session in the store, so whichever server answers can serve them.",
  );

  st.subheader("Made in code");
  const count = st.slider("Bars", { min: 3, max: 12, value: 6 });
  const bars = Array.from({ length: count }, (_, i) => ((i * 37) % 11) + 2);
  st.image(barChartSvg(bars), { caption: `${count} bars, drawn as SVG by the app` });
  st.audio(toneWav(440, 1.5));
  st.caption("A 440 Hz tone, written as a WAV file by the app.");
  st.pdf(onePagePdf("Hello from the edgelit tour"), { height: 320 });
  st.downloadButton("Download the chart", barChartSvg(bars), {
    fileName: "chart.svg",
    mime: "image/svg+xml",
  });

  st.subheader("Your own HTML");
  st.caption(
    "`st.components.html` runs it in a sandboxed frame: its script cannot reach this page.",
  );
  st.components.html(
    `<button id="b" style="font: inherit">Clicked 0 times</button>
<script>
  let clicks = 0;
  b.onclick = () => (b.textContent = "Clicked " + ++clicks + " times");
</script>`,
    { height: 48, title: "A counter in plain HTML" },
  );
  st.iframe("/_edgelit/health", { height: 60, title: "This server's health check" });
  st.caption(
    'A path of this app in `st.iframe` runs sandboxed too. Another site\'s page shows once its origin is in the page\'s policy: `contentSecurityPolicy: { "frame-src": ["https://example.com"] }`.',
  );

  componentsSection(st);

  st.subheader("Uploads");
  const picture = st.fileUploader("A picture", {
    type: ["png", "jpg", "jpeg", "gif", "webp", "svg"],
    maxBytes: 5_000_000,
  });
  if (picture)
    st.image(picture, { caption: `${picture.name} · ${picture.size} bytes`, width: 320 });
  const notes = st.fileUploader("Text files", { type: ["txt", "csv", "md"], multiple: true });
  for (const file of notes) {
    const text = await file.text();
    st.write(`**${file.name}**: ${text.split("\n").filter(Boolean).length} lines`);
  }
  const clip = st.fileUploader("A video to play", { type: ["mp4", "webm"] });
  if (clip) st.video(clip, { muted: true });
  else st.caption("Give it an mp4 or webm file and `st.video` plays it here.");

  st.subheader("Camera and microphone");
  const photo = st.cameraInput("Take a photo");
  if (photo) st.image(photo, { caption: "Your photo", width: 320 });
  const memo = st.audioInput("Record a voice memo");
  if (memo) st.audio(memo);
}
