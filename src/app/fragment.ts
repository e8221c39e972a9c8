import type { ElementPath } from "../protocol/index.ts";
import { callerLocation, findFragment, registerFragment, type FragmentBody, type FragmentDefinition } from "../runner/fragment-registry.ts";
import type { FragmentScope } from "../runner/fragment-tracker.ts";
import type { ScriptRun } from "../runner/script-run.ts";
import { EdgelitApiError, RerunSignal, StopSignal } from "../runner/signals.ts";
import { unkeepableAt } from "../session/codec.ts";
import { createContainer, type Container } from "./container.ts";
import { createSessionState } from "./session-state.ts";
import type { RerunOptions, St } from "./st.ts";
import { TARGET, type ElementTarget } from "./target.ts";

export type { FragmentBody } from "../runner/fragment-registry.ts";

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
export type Fragment<Args> = ((container: Container, ...args: FragmentArgs<Args>) => void | Promise<void>) & { readonly id: string };

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
export function fragment<Args = undefined>(id: string, body: FragmentBody<Args>, options: FragmentOptions = {}): Fragment<Args> {
  const { runEvery } = options;
  if (runEvery !== undefined && !(typeof runEvery === "number" && runEvery > 0 && Number.isFinite(runEvery))) {
    throw new EdgelitApiError(`fragment("${id}"): runEvery must be a positive number of seconds; got ${String(runEvery)}.`);
  }
  return defineFragment({ id: checkedId(id, "fragment"), body: body as FragmentBody<unknown>, runEvery, dialog: undefined, definedAt: callerLocation() });
}

/** Registers a definition and returns the function the script calls. */
export function defineFragment<Args>(definition: FragmentDefinition): Fragment<Args> {
  registerFragment(definition);
  const draw = (container: Container, args?: Args) => drawFragment(definition, container[TARGET], args);
  return Object.assign(draw, { id: definition.id }) as Fragment<Args>;
}

/** A fragment id: a non-empty string without `/` and `#`, which instance ids use. */
export function checkedId(id: unknown, what: string): string {
  if (typeof id !== "string" || id.length === 0 || /[/#]/.test(id)) {
    throw new EdgelitApiError(`A ${what} needs an id: a non-empty string without "/" or "#"; got ${JSON.stringify(id)}.`);
  }
  return id;
}

/** One call of a fragment in a run: its block, its record entry, its body. */
function drawFragment(definition: FragmentDefinition, target: ElementTarget, args: unknown): void | Promise<void> {
  const run = target.run;
  if (findFragment(definition.id) !== definition) {
    throw new EdgelitApiError(`The fragment "${definition.id}" was defined again after this one. Define each fragment once, at module scope.`);
  }
  if (run.mode === "callbacks") return; // a callback draws nothing
  const unkeepable = unkeepableAt(args, "args");
  if (unkeepable) {
    throw new EdgelitApiError(`The arguments of fragment "${definition.id}" are kept in the session for its reruns, so they must be data: ${unkeepable} is not.`);
  }
  const instanceId = run.fragments.instanceIdFor(definition.id, target.path);
  const path = definition.dialog
    ? target.emit("dialog", { id: instanceId, title: definition.dialog.title, width: definition.dialog.width, dismissible: definition.dialog.dismissible })
    : target.emit("fragment", { id: instanceId, ...(definition.runEvery !== undefined && { runEvery: definition.runEvery }) });
  if (path.at(-1)! < 0) return; // the block was not drawn (the run is closing)
  run.fragments.enter(instanceId, { definition: definition.id, path, args, widgets: [], ...(definition.dialog && { dialog: true as const }) });
  return definition.body(createFragmentSt(run, path), args);
}

/** Reruns the body of the fragment a scoped run redraws, into its block, with its last arguments. */
export function rerunFragment(run: ScriptRun, scope: FragmentScope): void | Promise<void> {
  return scope.definition.body(createFragmentSt(run, scope.state.path), scope.state.args);
}

/** The `st` a fragment's body gets: its block's element API, the session, and `rerun` that knows its scope. */
export function createFragmentSt(run: ScriptRun, path: ElementPath): St {
  const st = Object.assign(createContainer(run, path), {
    session: createSessionState(run),
    rerun(options: RerunOptions = {}): never {
      throw new RerunSignal(options.scope ?? "app");
    },
    stop(): never {
      throw new StopSignal();
    },
  });
  return Object.defineProperty(st, "sidebar", {
    get(): never {
      throw new EdgelitApiError("A fragment draws only into its own block, not st.sidebar. To put it in the sidebar, call it there: myFragment(st.sidebar, args).");
    },
  }) as St;
}
