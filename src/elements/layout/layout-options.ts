import type { BlockElements } from "../../protocol/index.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { checkIcon } from "../icons/icon-option.ts";

/** Options of `columns`. */
export interface ColumnsOptions {
  /** The space between columns; `null` for none. Default "small". */
  gap?: "small" | "medium" | "large" | null;
  /** Where each column's content sits when the columns differ in height. Default "top". */
  verticalAlignment?: "top" | "center" | "bottom";
  /** A border around each column. */
  border?: boolean;
}

/** Options of `container`. */
export interface ContainerOptions {
  /** A border around the container; on by default when `height` is set. */
  border?: boolean;
  /** A fixed height in pixels: taller content scrolls inside it. */
  height?: number;
  /** A name for the container, shown in the page as the CSS class `st-key-<key>`. */
  key?: string;
}

/** Options of `expander`. */
export interface ExpanderOptions {
  /** Open on the first run. Later the user's choice stays. */
  expanded?: boolean;
  /** One emoji, or a Material icon as ":material/icon_name:". */
  icon?: string;
}

/** Options of `popover`. */
export interface PopoverOptions {
  /** A tooltip on the button. */
  help?: string;
  /** One emoji, or a Material icon as ":material/icon_name:", before the label. */
  icon?: string;
  /** Grey the button out; the popover cannot be opened. */
  disabled?: boolean;
  /** Stretch the button to the width of its block. */
  useContainerWidth?: boolean;
}

const GAPS = new Set<unknown>(["small", "medium", "large", null]);
const VERTICAL_ALIGNMENTS = new Set<unknown>(["top", "center", "bottom"]);

/** The wire props of `columns`, from the app's spec and options; throws on bad ones. */
export function columnsProps(
  spec: number | readonly number[],
  options: ColumnsOptions,
): BlockElements["columns"] {
  const widths = typeof spec === "number" ? Array.from({ length: spec }, () => 1) : [...spec];
  if (
    widths.length === 0 ||
    widths.length > 24 ||
    widths.some((width) => !(width > 0) || !Number.isFinite(width))
  ) {
    throw new EdgelitApiError(
      `st.columns needs 1 to 24 columns of positive width; got ${JSON.stringify(spec)}.`,
    );
  }
  const { gap = "small", verticalAlignment = "top", border = false } = options;
  if (!GAPS.has(gap)) {
    throw new EdgelitApiError(
      `st.columns takes gap "small", "medium", "large" or null; got ${JSON.stringify(gap)}.`,
    );
  }
  if (!VERTICAL_ALIGNMENTS.has(verticalAlignment)) {
    throw new EdgelitApiError(
      `st.columns takes verticalAlignment "top", "center" or "bottom"; got ${JSON.stringify(verticalAlignment)}.`,
    );
  }
  return {
    widths,
    gap,
    ...(verticalAlignment !== "top" && { verticalAlignment }),
    ...(border === true && { border: true }),
  };
}

/** The wire props of `container`; throws on bad options. */
export function containerProps(options: ContainerOptions): BlockElements["container"] {
  const { height, key } = options;
  if (
    height !== undefined &&
    !(typeof height === "number" && Number.isFinite(height) && height > 0)
  ) {
    throw new EdgelitApiError(
      `st.container needs a height in pixels that is a positive number; got ${shown(height)}.`,
    );
  }
  if (key !== undefined && !(typeof key === "string" && key.length > 0)) {
    throw new EdgelitApiError(
      `st.container needs a key that is a non-empty string; got ${JSON.stringify(key)}.`,
    );
  }
  // As in Streamlit, a container of fixed height has a border unless told otherwise.
  const border = options.border ?? height !== undefined;
  return {
    ...(border && { border: true }),
    ...(height !== undefined && { height: Math.round(height) }),
    ...(key !== undefined && { key }),
  };
}

/** The wire props of `expander`; throws on a bad icon. */
export function expanderProps(label: string, options: ExpanderOptions): BlockElements["expander"] {
  const icon = checkIcon("st.expander", options.icon);
  return {
    label: String(label),
    expanded: options.expanded ?? false,
    ...(icon !== undefined && { icon }),
  };
}

/** The wire props of `popover`; throws on a bad label or icon. */
export function popoverProps(label: string, options: PopoverOptions): BlockElements["popover"] {
  if (typeof label !== "string" || label.length === 0) {
    throw new EdgelitApiError(
      `st.popover needs a non-empty label for its button; got ${JSON.stringify(label)}.`,
    );
  }
  const icon = checkIcon("st.popover", options.icon);
  return {
    label,
    ...(options.help !== undefined && { help: String(options.help) }),
    ...(icon !== undefined && { icon }),
    ...(options.disabled === true && { disabled: true }),
    ...(options.useContainerWidth === true && { fullWidth: true }),
  };
}

/** A value as the app wrote it, for an error message (JSON would show NaN as null). */
function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value);
}
