import { defineApp } from "edgelit";
import { barChartSvg, logoSvg, onePagePdf, toneWav } from "./generated-media.ts";

/**
 * Media and uploads: every byte lives in the session store, so any replica
 * serves any image, download or upload. Run it with `npx edgelit run examples/uploads/app.ts`.
 */
export default defineApp(
  async (st) => {
    st.logo(logoSvg(), { link: "https://github.com" });
    st.title("Media and uploads");
    st.caption(
      "Images, sound, documents and files, stored with the session and served by any replica.",
    );

    st.header("Media from the app");
    const sales = st.slider("Bars", { min: 3, max: 12, value: 6 });
    st.image(barChartSvg(Array.from({ length: sales }, (_, i) => ((i * 37) % 11) + 2)), {
      caption: `${sales} bars, as SVG`,
    });
    st.audio(toneWav(440, 1.5));
    st.pdf(onePagePdf("Hello from edgelit"), { height: 320 });
    st.downloadButton("Download the chart", barChartSvg([3, 5, 2, 8]), {
      fileName: "chart.svg",
      mime: "image/svg+xml",
    });

    st.header("Uploads");
    const photo = st.fileUploader("A picture", {
      type: ["png", "jpg", "jpeg", "gif", "webp", "svg"],
      maxBytes: 5_000_000,
    });
    if (photo) st.image(photo, { caption: `${photo.name} · ${photo.size} bytes`, width: 320 });

    const documents = st.fileUploader("Text files", { type: ["txt", "csv", "md"], multiple: true });
    for (const file of documents) {
      const text = await file.text();
      st.write(`**${file.name}**: ${text.split("\n").filter(Boolean).length} lines`);
      st.downloadButton(`Download ${file.name} in capitals`, text.toUpperCase(), {
        fileName: file.name,
        mime: "text/plain",
      });
    }

    const clip = st.fileUploader("A video", { type: ["mp4", "webm"] });
    if (clip) st.video(clip, { muted: true });

    st.header("Camera and microphone");
    const snapshot = st.cameraInput("Take a photo");
    if (snapshot) st.image(snapshot, { caption: "Your photo", width: 320 });
    const memo = st.audioInput("Record a voice memo");
    if (memo) st.audio(memo);
  },
  { title: "Media and uploads · edgelit" },
);
