import { createSignal, For } from "solid-js";
import type { ElementProps } from "../element-props.ts";

/**
 * Tabs: a tab bar over one panel per tab. Every panel is drawn on every run;
 * choosing a tab only changes which one shows, with no rerun (as in Streamlit).
 */
export function Tabs(props: ElementProps<"tabs">) {
  const [chosen, setChosen] = createSignal(0);
  const selected = () => Math.min(chosen(), props.el.labels.length - 1);
  return (
    <div class="tabs">
      <div class="tab-bar" role="tablist">
        <For each={props.el.labels}>
          {(label, index) => (
            <button
              type="button"
              role="tab"
              class="tab-button"
              aria-selected={selected() === index()}
              tabIndex={selected() === index() ? 0 : -1}
              onClick={() => setChosen(index())}
            >
              {label}
            </button>
          )}
        </For>
      </div>
      <div class="tab-panels" data-selected={selected()}>
        {props.children}
      </div>
    </div>
  );
}

/** One tab's content. */
export function Tab(props: ElementProps<"tab">) {
  return (
    <div class="stack" role="tabpanel">
      {props.children}
    </div>
  );
}
