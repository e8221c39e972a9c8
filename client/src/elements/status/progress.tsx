import { Show } from "solid-js";
import { renderMarkdown } from "../../rich/markdown.ts";
import type { ElementProps } from "../element-props.ts";

/** A progress bar; the server moves it by sending new props to the same element. */
export function Progress(props: ElementProps<"progress">) {
  const percent = () => Math.min(100, Math.max(0, props.el.value));
  return (
    <div class="progress">
      <Show when={props.el.text}>
        {(text) => <div class="markdown progress-text" innerHTML={renderMarkdown(text())} />}
      </Show>
      <div
        class="progress-track"
        role="progressbar"
        aria-label={props.el.text ?? "Progress"}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent()}
      >
        <div class="progress-bar" style={{ width: `${percent()}%` }} />
      </div>
    </div>
  );
}
