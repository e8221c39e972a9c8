import { For, Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";

/** Plain text, whitespace kept. */
export function Text(props: ElementProps<"text">) {
  return <div class="text">{props.el.body}</div>;
}

/** A code block. There is no highlighter yet; the language class is there for one. */
export function Code(props: ElementProps<"code">) {
  return (
    <pre class="code" classList={{ numbered: props.el.lineNumbers === true }}>
      <code class={props.el.language ? `language-${props.el.language}` : undefined}>
        <Show when={props.el.lineNumbers} fallback={props.el.body}>
          <For each={props.el.body.split("\n")}>{(line) => <span class="line">{line + "\n"}</span>}</For>
        </Show>
      </code>
    </pre>
  );
}

export function Divider(_props: ElementProps<"divider">) {
  return <hr class="divider" />;
}
