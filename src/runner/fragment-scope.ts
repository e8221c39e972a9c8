import type { FragmentRequest, WidgetChange } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import { findFragment } from "./fragment-registry.ts";
import type { FragmentScope } from "./fragment-tracker.ts";

/**
 * The fragment an event may rerun alone: the one it names, when the record
 * knows it, this server has its definition, and every change is of a widget
 * inside it. Anything else (a fragment a deploy removed, a change outside it)
 * makes the event a run of the whole app, never an error.
 *
 * @example
 * const scope = resolveFragmentScope(record, request.fragment, changes); // undefined: run the app
 */
export function resolveFragmentScope(
  record: SessionRecord,
  fragment: FragmentRequest | undefined,
  changes: readonly WidgetChange[],
): FragmentScope | undefined {
  if (!fragment) return undefined;
  const state = record.fragments?.[fragment.id];
  const definition = state && findFragment(state.definition);
  if (!state || !definition) return undefined;
  if (fragment.dismiss && !state.dialog) return undefined;
  const inside = new Set(state.widgets);
  if (!changes.every((change) => inside.has(change.id))) return undefined;
  return { instanceId: fragment.id, state, definition };
}
