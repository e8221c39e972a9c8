import type { ElementProps } from "../element-props.ts";
import { playRange } from "./playback.ts";

/** The browser's own audio player, limited to `startTime`–`endTime`. */
export function Audio(props: ElementProps<"audio">) {
  return (
    <audio
      class="audio"
      controls
      preload="metadata"
      src={props.el.src}
      autoplay={props.el.autoplay}
      ref={(media) => playRange(media, () => props.el)}
    />
  );
}
