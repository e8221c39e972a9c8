import type { WidgetProps } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";

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

/**
 * A widget's props: those every widget sends (from its id, label and common
 * options), then its `own`. Built by assignment, not by spreading into a
 * literal: every widget of every run makes one, and on Node 20 a literal that
 * spreads an object and adds more props costs microseconds.
 */
export function baseProps<Own extends object>(
  id: string,
  label: string,
  options: WidgetOptions,
  own: Own,
): WidgetProps & Own {
  const props: WidgetProps = { id, label: String(label) };
  if (options.help !== undefined) props.help = options.help;
  if (options.disabled) props.disabled = true;
  const visibility = labelVisibility(label, options.labelVisibility);
  if (visibility !== undefined) props.labelVisibility = visibility;
  return Object.assign(props, own);
}

function labelVisibility(label: string, visibility: unknown): WidgetProps["labelVisibility"] {
  if (visibility === undefined || visibility === "visible") return undefined;
  if (!LABEL_VISIBILITIES.has(visibility)) {
    throw new EdgelitApiError(
      `widget "${label}": labelVisibility must be "visible", "hidden" or "collapsed"; got ${JSON.stringify(visibility)}.`,
    );
  }
  return visibility as "hidden" | "collapsed";
}

/** A label for any option: strings as they are, other data as JSON. */
export function optionLabel(option: unknown): string {
  if (typeof option === "string") return option;
  if (option === null || typeof option !== "object") return String(option);
  if (option instanceof Date) return option.toISOString();
  return JSON.stringify(option);
}
