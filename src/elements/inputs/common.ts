import type { WidgetProps } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../runner/signals.ts";

/** Options every widget takes. */
export interface WidgetOptions {
  /** A unique name: keeps the widget's value when its label changes, and exposes it as `st.session[key]`. */
  key?: string;
  /** A tooltip next to the label. */
  help?: string;
  /** Draw the widget greyed out; the user cannot change it. */
  disabled?: boolean;
  /** Called when the user changes the value, before the app reruns. */
  onChange?: () => unknown;
  /**
   * "visible" (the default) shows the label; "hidden" leaves its space empty; "collapsed"
   * removes it. The label still names the widget for screen readers and tests.
   */
  labelVisibility?: "visible" | "hidden" | "collapsed";
}

const LABEL_VISIBILITIES: ReadonlySet<unknown> = new Set(["visible", "hidden", "collapsed"]);

/** The props every widget sends, from its id, label and common options. */
export function baseProps(id: string, label: string, options: WidgetOptions): WidgetProps {
  return {
    id,
    label: String(label),
    ...(options.help !== undefined && { help: options.help }),
    ...(options.disabled && { disabled: true }),
    ...labelVisibilityProp(label, options.labelVisibility),
  };
}

function labelVisibilityProp(label: string, visibility: unknown): Pick<WidgetProps, "labelVisibility"> {
  if (visibility === undefined || visibility === "visible") return {};
  if (!LABEL_VISIBILITIES.has(visibility)) {
    throw new EdgelitApiError(`widget "${label}": labelVisibility must be "visible", "hidden" or "collapsed"; got ${JSON.stringify(visibility)}.`);
  }
  return { labelVisibility: visibility as "hidden" | "collapsed" };
}

/** A label for any option: strings as they are, other data as JSON. */
export function optionLabel(option: unknown): string {
  if (typeof option === "string") return option;
  if (option === null || typeof option !== "object") return String(option);
  if (option instanceof Date) return option.toISOString();
  return JSON.stringify(option);
}
