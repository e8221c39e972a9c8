import type { ElementTarget } from "../../app/target.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `button`. */
export interface ButtonOptions extends Omit<WidgetOptions, "onChange" | "labelVisibility"> {
  /** Called when the button is clicked, before the app reruns. */
  onClick?: () => unknown;
  /** Same as `onClick`, for symmetry with the other widgets. */
  onChange?: () => unknown;
  type?: "primary" | "secondary" | "tertiary";
  /** Stretch the button to the width of its container. */
  useContainerWidth?: boolean;
}

/**
 * A button. Returns true for exactly the one run caused by its click.
 * @example if (st.button("Add one")) st.session.count++;
 */
export function button(target: ElementTarget, label: string, options: ButtonOptions = {}): boolean {
  const variant = options.type ?? "secondary";
  const { id, value } = target.run.widget<boolean>({
    kind: "button",
    label,
    key: options.key,
    identity: [variant],
    spec: {},
    defaultValue: false,
    onChange: options.onClick ?? options.onChange,
    at: target.path,
  });
  target.emit("button", { ...baseProps(id, label, options), variant, ...(options.useContainerWidth && { fullWidth: true }) });
  return value;
}
