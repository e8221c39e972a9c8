import { renderMarkdown } from "../../rich/markdown.ts";
import type { ElementProps } from "../element-props.ts";

/** Shown while the app's function runs; it appears after a short delay, so quick work never flickers. */
export function Spinner(props: ElementProps<"spinner">) {
  return (
    <div class="st-spinner" role="status">
      <span class="spinner" aria-hidden="true" />
      <div class="markdown" innerHTML={renderMarkdown(props.el.text)} />
    </div>
  );
}
