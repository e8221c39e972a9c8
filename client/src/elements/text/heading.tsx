import { Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { renderInlineMarkdown } from "../../rich/markdown.ts";
import { richHtml } from "../../rich/rich-html.ts";
import type { ElementProps } from "../element-props.ts";
import { Help } from "../inputs/widget-label.tsx";

/** A title, header or subheader: one line of markdown (colours, icons, math), with help beside it. */
export function Heading(props: ElementProps<"heading">) {
  return (
    <div class="heading">
      <div class="with-help">
        <Dynamic
          component={`h${props.el.level}`}
          ref={richHtml(() => renderInlineMarkdown(props.el.body))}
        />
        <Help text={props.el.help} />
      </div>
      <Show when={props.el.divider}>
        <hr class="heading-divider" />
      </Show>
    </div>
  );
}
