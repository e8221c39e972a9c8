import { renderMarkdown } from "../../markdown.ts";
import type { ElementProps } from "../element-props.ts";

export function Markdown(props: ElementProps<"markdown">) {
  return <div class="markdown" innerHTML={renderMarkdown(props.el.body, props.el.allowHtml)} />;
}

/** Small, muted markdown under other content. */
export function Caption(props: ElementProps<"caption">) {
  return <div class="markdown caption" innerHTML={renderMarkdown(props.el.body, props.el.allowHtml)} />;
}
