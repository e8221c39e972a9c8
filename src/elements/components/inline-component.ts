import { EdgelitApiError } from "../../errors/api-error.ts";
import type { Container } from "../core/handle.ts";

/** What an inline component is made of: its HTML and CSS (in its shadow root) and its JavaScript module. */
export interface InlineComponentSource {
  html?: string;
  css?: string;
  /**
   * An ES module whose default export the page calls with `{ parentElement,
   * data, state, setStateValue, setTriggerValue }` (and again when `data`
   * changes); it may return a function that cleans up.
   */
  js?: string;
}

/** Options of an inline component's call. */
export interface InlineComponentOptions {
  /** Keeps the component's state when the page changes around it, and exposes it as `st.session[key]`. */
  key?: string;
  /** JSON handed to the module as `data`. */
  data?: unknown;
  /** The state values until the module sets them, by name. */
  default?: Record<string, unknown>;
  /** The component's height in pixels. Default: its content's. */
  height?: number;
  /** Called when the module sets a state or trigger value, before the app reruns. */
  onChange?: () => unknown;
}

/**
 * What a call returns: the state values (defaults, then what the module set),
 * and the trigger values set for the run they caused (in other runs, absent).
 */
export type InlineComponentResult = Record<string, unknown>;

/** An inline component: call it with the container to draw into and its options. */
export type InlineComponent = (
  st: Container,
  options?: InlineComponentOptions,
) => InlineComponentResult;

/** One call of an inline component, as its mount function hands it to the container. */
export interface InlineComponentCall {
  name: string;
  html?: string;
  css?: string;
  /** The module's bytes, made once when the component is defined (stored and hashed once per process). */
  js?: Uint8Array;
  options: InlineComponentOptions;
}

/**
 * Where every container keeps the function that draws an inline component (a
 * registered symbol: the app's copy of edgelit and the server's may differ).
 */
export const DRAW_INLINE_COMPONENT: unique symbol = Symbol.for("edgelit.component.inline");

type DrawInline = (this: Container, call: InlineComponentCall) => InlineComponentResult;

/**
 * Defines an inline component at module scope (Streamlit's v2 components):
 * HTML and CSS in a shadow root of the page, and a JavaScript module that
 * runs in the page itself. It is trusted app code, like the script: it can
 * reach everything the page can. Its state values are widget values kept in
 * the session; its trigger values last one run, as a button's click.
 * @example
 * const counter = component("counter", { html: "<button>+1</button>", js: COUNTER_JS });
 * defineApp((st) => st.write(counter(st, { key: "clicks", default: { count: 0 } }).count));
 */
export function component(name: string, source: InlineComponentSource): InlineComponent {
  if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(name))
    throw new EdgelitApiError(
      `component: the name is letters, digits, "_", "." and "-" (up to 100); got ${JSON.stringify(String(name))}.`,
    );
  for (const part of ["html", "css", "js"] as const)
    if (source?.[part] !== undefined && typeof source[part] !== "string")
      throw new EdgelitApiError(`component("${name}"): ${part} must be a string.`);
  const js = source.js === undefined ? undefined : new TextEncoder().encode(source.js);
  return (st, options = {}) => {
    const draw = (st as unknown as Partial<Record<typeof DRAW_INLINE_COMPONENT, DrawInline>>)[
      DRAW_INLINE_COMPONENT
    ];
    if (typeof draw !== "function")
      throw new EdgelitApiError(`component "${name}": pass the st of the run (or a container).`);
    return draw.call(st, { name, html: source.html, css: source.css, js, options });
  };
}
