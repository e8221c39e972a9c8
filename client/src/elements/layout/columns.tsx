import type { ElementProps } from "../element-props.ts";

const GAPS = { small: "0.5rem", medium: "1rem", large: "2rem" } as const;

/**
 * Side-by-side columns sized by `widths` as ratios; they stack on narrow screens.
 * Columns stretch to the tallest one, so `verticalAlignment` places content within them.
 */
export function Columns(props: ElementProps<"columns">) {
  return (
    <div
      class="columns"
      classList={{ "bordered-columns": props.el.border === true }}
      data-align={props.el.verticalAlignment ?? "top"}
      style={{
        "grid-template-columns": props.el.widths.map((width) => `minmax(0, ${width}fr)`).join(" "),
        gap: props.el.gap === null ? "0" : GAPS[props.el.gap],
      }}
    >
      {props.children}
    </div>
  );
}

export function Column(props: ElementProps<"column">) {
  return <div class="stack">{props.children}</div>;
}
