import { EdgelitApiError } from "../../errors/api-error.ts";
import { ROUTES } from "../../protocol/index.ts";
import type { Container } from "../core/handle.ts";
import { encodeDataframeArg, isDataframeArg, type EncodedDataframeArg } from "./dataframe-args.ts";

/**
 * Where a declared component's frontend is: `path`, a built frontend folder
 * on the server's disk (its `index.html` is the frame's document; Node only),
 * or `url`, its page served elsewhere (a dev server, a CDN) or by this
 * server's own assets (a path such as `/rating/index.html`, as Workers serve them).
 */
export type ComponentSource = { path: string | URL } | { url: string };

/** Options of a declared component's call. */
export interface DeclaredComponentOptions<Value> {
  /** Keeps the component's value when its args change, and exposes it as `st.session[key]`. */
  key?: string;
  /** What the call returns until the frontend sends a value. Default null. */
  default?: Value;
  /** The frame's height in pixels until the frontend sets its own. Default: none (0). */
  height?: number;
  /** Tells the frontend it is disabled (its render message's `disabled`). */
  disabled?: boolean;
  /** Called when the frontend sends a new value, before the app reruns. */
  onChange?: () => unknown;
}

/**
 * A declared component: call it with the container to draw into, its args
 * and options; it returns the value its frontend last sent, or `default`.
 */
export type DeclaredComponent = <Value = unknown>(
  st: Container,
  args?: Record<string, unknown>,
  options?: DeclaredComponentOptions<Value>,
) => Value | null;

/**
 * Where every container keeps the function that draws a declared component.
 * A registered symbol: the app's copy of edgelit (which made the component)
 * and the server's (which made `st`) may be two copies of the same modules.
 */
export const DRAW_DECLARED_COMPONENT: unique symbol = Symbol.for("edgelit.component.declared");

/** One call of a declared component, as its mount function hands it to the container. */
export interface DeclaredComponentCall {
  name: string;
  src: string;
  /** The JSON args (each checked by the container's copy of edgelit). */
  args: Record<string, unknown>;
  /** The dataframe args, already encoded by the mount function's copy. */
  dataframes: [string, EncodedDataframeArg][];
  options: DeclaredComponentOptions<unknown>;
}

type DrawDeclared = (this: Container, call: DeclaredComponentCall) => unknown;

const REGISTRY = Symbol.for("edgelit.declaredComponents");
const COMPONENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
/**
 * The declared components of this process, by name. Kept on the global object
 * under a registered symbol: the app may load its own copy of edgelit's
 * modules (the CLI's bundle serves an app that imports the package), and the
 * server's component route must see what the app declared.
 */
const declared: Map<string, { path?: string; url?: string }> = ((
  globalThis as { [REGISTRY]?: Map<string, { path?: string; url?: string }> }
)[REGISTRY] ??= new Map());

/**
 * Declares a component whose frontend speaks Streamlit's component protocol
 * (built with `streamlit-component-lib`), at module scope, as Python's
 * `components.declare_component`. Its frontend runs in a sandboxed frame: its
 * scripts cannot reach the page, its session id or its storage.
 * @example
 * const rating = declareComponent("rating", { path: new URL("./rating/build", import.meta.url) });
 * defineApp((st) => st.write(rating(st, { stars: 5 }, { default: 0 })));
 */
export function declareComponent(name: string, source: ComponentSource): DeclaredComponent {
  if (typeof name !== "string" || !COMPONENT_NAME.test(name))
    throw new EdgelitApiError(
      `declareComponent: the name is letters, digits, "_", "." and "-" (up to 100); got ${JSON.stringify(String(name))}.`,
    );
  const where = sourceOf(name, source);
  declared.set(name, where);
  const src = where.url ?? `${ROUTES.component}${name}/index.html`;
  return <Value>(
    st: Container,
    args: Record<string, unknown> = {},
    options: DeclaredComponentOptions<Value> = {},
  ): Value | null => {
    const draw = (st as unknown as Partial<Record<typeof DRAW_DECLARED_COMPONENT, DrawDeclared>>)[
      DRAW_DECLARED_COMPONENT
    ];
    if (typeof draw !== "function")
      throw new EdgelitApiError(`component "${name}": pass the st of the run (or a container).`);
    const jsonArgs: Record<string, unknown> = {};
    const dataframes: [string, EncodedDataframeArg][] = [];
    for (const [key, value] of Object.entries(args ?? {})) {
      if (isDataframeArg(value))
        dataframes.push([key, encodeDataframeArg(value, `component "${name}", arg "${key}"`)]);
      else jsonArgs[key] = value;
    }
    return draw.call(st, { name, src, args: jsonArgs, dataframes, options }) as Value | null;
  };
}

/** The folder of a component declared with a `path` (the component route serves it), or undefined. */
export function declaredComponentFolder(name: string): string | undefined {
  return declared.get(name)?.path;
}

// --- Internal helpers ---

function sourceOf(name: string, source: ComponentSource): { path?: string; url?: string } {
  if (source && "path" in source && (typeof source.path === "string" || source.path instanceof URL))
    return { path: String(source.path) };
  if (
    source &&
    "url" in source &&
    typeof source.url === "string" &&
    /^(https?:\/\/|\/(?!\/))/i.test(source.url)
  )
    return { url: source.url };
  throw new EdgelitApiError(
    `declareComponent("${name}"): give { path } (a built frontend folder) or { url } (http(s), or a path on this server).`,
  );
}
