import {
  DRAW_FRAGMENT,
  callerLocation,
  registerFragment,
  type FragmentDefinition,
} from "../runner/fragment-registry.ts";
import { EdgelitApiError } from "../errors/api-error.ts";
import type { Container } from "../elements/element-api.ts";
import type { St } from "./st.ts";

/** The body of a fragment: drawn into the fragment's own block, with the arguments of its call. Awaited; what it returns is ignored. */
export type FragmentBody<Args> = (st: St, args: Args) => unknown;

/** Options of {@link fragment}. */
export interface FragmentOptions {
  /** Rerun the fragment every this many seconds while the page is open and visible. */
  runEvery?: number;
}

/**
 * A fragment (or dialog) defined at module scope. Call it in the script with
 * the container to draw it in and its arguments; it returns what its body
 * returns (await it when the body is async).
 */
export type Fragment<Args> = ((
  container: Container,
  ...args: FragmentArgs<Args>
) => void | Promise<void>) & { readonly id: string };

/** The arguments a fragment call takes: optional when the fragment takes none. */
export type FragmentArgs<Args> = [Args] extends [undefined] ? [args?: Args] : [args: Args];

/**
 * Defines a fragment: part of the app that reruns on its own. A widget
 * inside it reruns only the fragment, not the whole script; with `runEvery`
 * the page reruns it every so many seconds. Define it at module scope with an
 * id unique in the app: any server finds it by that id, and the arguments of
 * its last call (kept in the session, so they must be data) come with it.
 *
 * @example
 * export const liveChart = fragment("live-chart", (st, args: { symbol: string }) => {
 *   st.metric(args.symbol, price(args.symbol));
 *   if (st.button("Refresh")) st.toast("refreshed");
 * }, { runEvery: 5 });
 *
 * export default defineApp((st) => {
 *   const symbol = st.selectbox("Symbol", ["AAPL", "MSFT"]);
 *   liveChart(st, { symbol });
 * });
 */
export function fragment<Args = undefined>(
  id: string,
  body: FragmentBody<Args>,
  options: FragmentOptions = {},
): Fragment<Args> {
  const { runEvery } = options;
  if (
    runEvery !== undefined &&
    !(typeof runEvery === "number" && runEvery > 0 && Number.isFinite(runEvery))
  ) {
    throw new EdgelitApiError(
      `fragment("${id}"): runEvery must be a positive number of seconds; got ${String(runEvery)}.`,
    );
  }
  return defineFragment({
    id: checkedId(id, "fragment"),
    body: body as FragmentBody<unknown>,
    runEvery,
    dialog: undefined,
    definedAt: callerLocation(),
  });
}

/** Registers a definition and returns the function the script calls. */
export function defineFragment<Args>(definition: FragmentDefinition): Fragment<Args> {
  registerFragment(definition);
  const draw = (container: Container, args?: Args) => {
    const host = container as unknown as Partial<FragmentHost>;
    if (typeof host?.[DRAW_FRAGMENT] !== "function") {
      throw new EdgelitApiError(
        `Call fragment "${definition.id}" with the container to draw it in first: myFragment(st, args).`,
      );
    }
    return host[DRAW_FRAGMENT](definition, args);
  };
  return Object.assign(draw, { id: definition.id }) as Fragment<Args>;
}

/** A container, as a fragment call sees it. */
interface FragmentHost {
  [DRAW_FRAGMENT](definition: FragmentDefinition, args: unknown): void | Promise<void>;
}

/** A fragment id: a non-empty string without `/` and `#`, which instance ids use. */
export function checkedId(id: unknown, what: string): string {
  if (typeof id !== "string" || id.length === 0 || /[/#]/.test(id)) {
    throw new EdgelitApiError(
      `A ${what} needs an id: a non-empty string without "/" or "#"; got ${JSON.stringify(id)}.`,
    );
  }
  return id;
}
