import type { ElementProps } from "../element-props.ts";

/** An editable grid (placeholder). */
export function DataEditor(props: ElementProps<"dataEditor">) {
  return <div>{props.el.rowCount}</div>;
}
