import { Show } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Help } from "../inputs/widget-label.tsx";

const ARROWS = { up: "▲", down: "▼", none: "" } as const;

/** A big number with a label, and a delta coloured good, bad or neutral. */
export function Metric(props: ElementProps<"metric">) {
  const sign = () => props.el.deltaSign ?? "none";
  const tone = () => {
    if (props.el.deltaColor === "off" || sign() === "none") return "neutral";
    const good = (sign() === "up") === (props.el.deltaColor === "normal");
    return good ? "good" : "bad";
  };
  return (
    <div class="metric" classList={{ bordered: props.el.border === true }}>
      <div class="metric-label">
        {props.el.label}
        <Help text={props.el.help} />
      </div>
      <div class="metric-value">{props.el.value}</div>
      <Show when={props.el.delta}>
        <div class={`metric-delta ${tone()}`}>
          <Show when={ARROWS[sign()]}>
            <span aria-hidden="true">{ARROWS[sign()]} </span>
          </Show>
          {props.el.delta}
        </div>
      </Show>
    </div>
  );
}
