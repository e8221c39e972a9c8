import { EdgelitApiError } from "../errors/api-error.ts";

/**
 * The body of a fragment as the runner holds it: the app layer's function of
 * its `st` and arguments (src/app/fragment.ts types it); the runner only hands
 * it to ScriptHost.runFragment.
 */
export type StoredFragmentBody = (st: never, args: never) => unknown;

/** How a dialog looks and closes. */
export interface DialogSettings {
  title: string;
  width: "small" | "large";
  dismissible: boolean;
  /** Called when the user dismisses the dialog (see ScriptHost.runDismiss). */
  onDismiss: StoredFragmentBody | undefined;
}

/** A fragment or dialog as defined at module scope. */
export interface FragmentDefinition {
  readonly id: string;
  readonly body: StoredFragmentBody;
  /** Seconds between the reruns the page asks for; undefined for none. */
  readonly runEvery: number | undefined;
  /** Set for a dialog. */
  readonly dialog: DialogSettings | undefined;
  /** Where it was defined (file:line), to tell a module imported again from two definitions of one id. */
  readonly definedAt: string;
}

/**
 * Every fragment of the process by id. A fragment's rerun arrives at any
 * replica with only its id (from the session record), so fragments are
 * defined at module scope, where importing the app defines them all. The map
 * lives on globalThis, not in this module: `edgelit run` imports the app
 * (and through it edgelit) apart from its own copy of the runner.
 */
const definitions: Map<string, FragmentDefinition> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for("edgelit.fragments")
] ??= new Map()) as Map<string, FragmentDefinition>;

/**
 * The container method a fragment call goes through, by a key every copy of
 * edgelit agrees on, so the drawing is done by the runner's copy (whose
 * signals and handles the run recognizes), whichever copy the app imported.
 */
export const DRAW_FRAGMENT: unique symbol = Symbol.for("edgelit.drawFragment") as never;

/**
 * Adds a definition. The same id defined again from the same place is the
 * app's module imported again (the dev server's reload) and replaces the
 * old one; from another place it is a mistake.
 */
export function registerFragment(definition: FragmentDefinition): void {
  const existing = definitions.get(definition.id);
  if (existing && existing.definedAt !== definition.definedAt) {
    throw new EdgelitApiError(
      `The fragment id "${definition.id}" is defined twice (at ${existing.definedAt} and at ${definition.definedAt}). Each fragment and dialog needs its own id.`,
    );
  }
  definitions.set(definition.id, definition);
}

/** The definition for an id, if this process has one (a deploy may have removed it). */
export function findFragment(id: string): FragmentDefinition | undefined {
  return definitions.get(id);
}

/** Where the function that called the caller of this was called from, as file:line, without a module's query string. */
export function callerLocation(): string {
  const lines = new Error().stack?.split("\n") ?? [];
  // [0] "Error", [1] callerLocation, [2] fragment()/dialog(), [3] the app's module.
  const frame = lines[3] ?? "";
  const match =
    /\(?((?:file|https?|node):[^\s)]*?|\/[^\s)]*?)(?:\?[^:\s)]*)?:(\d+):\d+\)?\s*$/.exec(frame);
  return match ? `${match[1]}:${match[2]}` : frame.trim() || "an unknown place";
}
