import { createMemo } from "solid-js";
import type { ElementProps } from "../element-props.ts";

const STATE_NAMES = { running: "Running", complete: "Complete", error: "Error" } as const;

/**
 * `st.status`: an expander with a spinner, check or cross. The user may open
 * and close it; when the app changes `expanded` (via `update`), that wins.
 */
export function StatusBox(props: ElementProps<"status">) {
  // A memo, so new props that keep `expanded` as it was leave the user's choice alone.
  const expanded = createMemo(() => props.el.expanded);
  return (
    <details class={`expander status-box state-${props.el.state}`} open={expanded()}>
      <summary>
        <span class="status-icon" role="img" aria-label={STATE_NAMES[props.el.state]}>
          {props.el.state === "running" ? (
            <span class="spinner" />
          ) : props.el.state === "complete" ? (
            "✓"
          ) : (
            "✕"
          )}
        </span>
        <span>{props.el.label}</span>
      </summary>
      <div class="stack">{props.children}</div>
    </details>
  );
}
