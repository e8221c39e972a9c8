import type { JsonValue, WidgetProps } from "./elements.ts";

/**
 * Custom components on the wire. A declared component (Streamlit's v1 model)
 * is a frontend in a sandboxed frame that speaks the `streamlit:*`
 * postMessage protocol; an inline component (the v2 model) is a module the
 * page imports and mounts in a shadow root.
 */

/** A dataframe argument of a declared component: the media ids of its three Arrow IPC streams. */
export interface ComponentDataframeArg {
  key: string;
  /** The data (one column per column of the frame). */
  data: string;
  /** The row index: one column of row positions. */
  index: string;
  /** The column names: one column (one level of names), one row per column of the frame. */
  columns: string;
}

/**
 * A declared component's frame. `src` is its frontend's document (served from
 * ROUTES.component, or another site's URL); `args` reach it as the render
 * message's args; `height` is the frame's first height, until the frontend
 * sets its own.
 */
export interface DeclaredComponentProps extends WidgetProps {
  src: string;
  args: { [key: string]: JsonValue };
  dataframes: ComponentDataframeArg[];
  height?: number;
}

/**
 * What a declared component's frontend sent with `setComponentValue`, as the
 * page forwards it: JSON as is, bytes and Arrow tables (IPC) as base64.
 */
export type ComponentWireValue =
  | { dataType: "json"; value: JsonValue }
  | { dataType: "bytes"; base64: string }
  | { dataType: "dataframe"; base64: string };

/**
 * An inline component: `module` is the URL of its JavaScript (served from
 * ROUTES.componentModule), `html` and `css` go into its shadow root; `state`
 * is its state values, the value of widget `id`; its trigger values are sent
 * as widget `triggerId`'s `{ name, value }`.
 */
export interface InlineComponentProps extends WidgetProps {
  module?: string;
  html?: string;
  css?: string;
  data: JsonValue;
  state: { [name: string]: JsonValue };
  triggerId: string;
  height?: number;
}

/** The widget kinds and elements of custom components. */
export interface ComponentElements {
  component: DeclaredComponentProps;
  inlineComponent: InlineComponentProps;
  /**
   * The trigger half of an inline component, drawn after it: the widget its
   * trigger values are sent to (see InlineComponentProps.triggerId). It shows nothing.
   */
  componentTrigger: WidgetProps;
}

/** The stored type of inline components' modules: only the module route serves these. */
export const COMPONENT_MODULE_TYPE = "text/javascript; edgelit=component";

/** Largest value a component may send, in bytes of JSON (bytes count as their base64). */
export const COMPONENT_VALUE_MAX_BYTES = 256 * 1024;
