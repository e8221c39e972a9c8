import { For, Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";

/** One or more images side by side (wrapping), each with its caption under it. */
export function Image(props: ElementProps<"image">) {
  return (
    <div class="images">
      <For each={props.el.items}>
        {(item) => (
          <figure class="image" classList={{ stretch: props.el.width === "stretch" }}>
            <img src={item.src} alt={item.caption ?? ""} style={imageStyle(props.el.width)} />
            <Show when={item.caption}>
              <figcaption>{item.caption}</figcaption>
            </Show>
          </figure>
        )}
      </For>
    </div>
  );
}

function imageStyle(width: number | "stretch" | undefined) {
  if (width === undefined) return undefined;
  return { width: width === "stretch" ? "100%" : `${width}px` };
}
