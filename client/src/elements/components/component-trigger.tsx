import type { ElementProps } from "../element-props.ts";

/** The trigger half of an inline component: a widget id to send to, nothing to show. */
export function ComponentTrigger(_props: ElementProps<"componentTrigger">) {
  return null;
}
