import { For } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { playRange } from "./playback.ts";

/** The browser's own video player, with subtitles (the first on by default). */
export function Video(props: ElementProps<"video">) {
  return (
    <video
      class="video"
      controls
      preload="metadata"
      playsinline
      src={props.el.src}
      autoplay={props.el.autoplay}
      // Browsers block autoplay with sound, so an autoplaying video starts muted.
      muted={props.el.muted === true || props.el.autoplay === true}
      ref={(media) => playRange(media, () => props.el)}
    >
      <For each={props.el.subtitles ?? []}>
        {(track, index) => (
          <track kind="subtitles" label={track.label} src={track.src} default={index() === 0} />
        )}
      </For>
    </video>
  );
}
