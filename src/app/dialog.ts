import { checkedId, defineFragment, type Fragment, type FragmentBody } from "./fragment.ts";
import type { St } from "./st.ts";
import { callerLocation } from "../runner/fragment-registry.ts";
import { EdgelitApiError } from "../errors/api-error.ts";

/** Options of {@link dialog}. */
export interface DialogOptions<Args> {
  /** The id its reruns find it by; default `dialog:<title>`. Unique in the app. */
  id?: string;
  /** "small" (500 px, the default) or "large" (750 px). */
  width?: "small" | "large";
  /** Whether the user may close it (X, Escape, a click outside). Default true. */
  dismissible?: boolean;
  /**
   * Called when the user dismisses it, with the session (`st.session`) and the
   * dialog's arguments; the app then reruns. Without it, a dismissal closes
   * the dialog and runs nothing.
   */
  onDismiss?: (st: St, args: Args) => unknown;
}

/**
 * Defines a dialog: a fragment shown as a modal. Define it at module scope;
 * calling it in a run opens it. A widget inside reruns only the dialog, so it
 * stays open; `st.rerun()` inside it reruns the app, which closes it (unless
 * the app calls it again). The user may dismiss it, and it stays closed until
 * the app calls it again.
 *
 * @example
 * const vote = dialog("Cast your vote", (st, args: { item: string }) => {
 *   const why = st.textInput(`Why ${args.item}?`);
 *   if (st.button("Submit")) { st.session.vote = { item: args.item, why }; st.rerun(); }
 * });
 *
 * export default defineApp((st) => {
 *   if (st.button("Vote for A")) vote(st, { item: "A" });
 * });
 */
export function dialog<Args = undefined>(
  title: string,
  body: FragmentBody<Args>,
  options: DialogOptions<Args> = {},
): Fragment<Args> {
  if (typeof title !== "string" || title.length === 0)
    throw new EdgelitApiError(`dialog needs a title; got ${JSON.stringify(title)}.`);
  const width = options.width ?? "small";
  if (width !== "small" && width !== "large")
    throw new EdgelitApiError(
      `dialog("${title}"): width must be "small" or "large"; got ${JSON.stringify(width)}.`,
    );
  return defineFragment({
    id: checkedId(options.id ?? `dialog:${title}`, "dialog"),
    body: body as FragmentBody<unknown>,
    runEvery: undefined,
    dialog: {
      title,
      width,
      dismissible: options.dismissible ?? true,
      onDismiss: options.onDismiss,
    },
    definedAt: callerLocation(),
  });
}
