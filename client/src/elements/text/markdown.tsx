import { renderMarkdown } from "../../rich/markdown.ts";
import { richHtml } from "../../rich/rich-html.ts";
import type { ElementProps } from "../element-props.ts";
import { Help } from "../inputs/widget-label.tsx";

/** Markdown; raw HTML (when the app allows it) goes through the sanitizer first. */
export function Markdown(props: ElementProps<"markdown">) {
  return (
    <RichMarkdown
      class="markdown"
      body={props.el.body}
      allowHtml={props.el.allowHtml}
      help={props.el.help}
    />
  );
}

/** Small, muted markdown under other content. */
export function Caption(props: ElementProps<"caption">) {
  return (
    <RichMarkdown
      class="markdown caption"
      body={props.el.body}
      allowHtml={props.el.allowHtml}
      help={props.el.help}
    />
  );
}

function RichMarkdown(props: { class: string; body: string; allowHtml?: boolean; help?: string }) {
  return (
    <div class="with-help">
      <div
        class={props.class}
        ref={richHtml(
          () => renderMarkdown(props.body, props.allowHtml),
          () => props.allowHtml === true,
        )}
      />
      <Help text={props.help} />
    </div>
  );
}
