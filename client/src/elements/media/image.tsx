import { For, Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";

/** One or more images side by side (wrapping), each with its caption under it. */
export function Image(props: ElementProps<"image">) {
  return (
    <div class="images">
      <For each={props.el.items}>
        {(item) => (
          <figure class="image">
            <img
              src={item.src}
              alt={item.caption ?? ""}
              style={props.el.width === undefined ? undefined : { width: `${props.el.width}px` }}
            />
            <Show when={item.caption}>
              <figcaption>{item.caption}</figcaption>
            </Show>
          </figure>
        )}
      </For>
    </div>
  );
}
