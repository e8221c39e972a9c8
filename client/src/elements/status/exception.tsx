import { Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";

/** An exception the app raised: its name (unless hidden) and message, and the stack when the server sends one. */
export function Exception(props: ElementProps<"exception">) {
  return (
    <div class="alert error exception" role="alert">
      <div>
        <Show when={props.el.name}>
          <strong>{props.el.name}</strong>:{" "}
        </Show>
        {props.el.message}
      </div>
      <Show when={props.el.stack}>
        <pre class="stack">{props.el.stack}</pre>
      </Show>
    </div>
  );
}
