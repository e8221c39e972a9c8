import { createEffect, onCleanup } from "solid-js";
import { ClientContext, useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";
import { scopedClient } from "./scoped-client.ts";

/**
 * A fragment's block: its widgets' events rerun only the fragment. With
 * `runEvery`, the page asks for a rerun of it every so many seconds while the
 * tab is visible and no other event is in flight; the timer stops when the
 * fragment leaves the page.
 */
export function Fragment(props: ElementProps<"fragment">) {
  const client = useClient();
  createEffect(() => {
    const seconds = props.el.runEvery;
    const id = props.el.id;
    if (!seconds) return;
    const timer = setInterval(
      () => document.visibilityState === "visible" && client.queue.tick(id),
      seconds * 1000,
    );
    onCleanup(() => clearInterval(timer));
  });
  return (
    <ClientContext.Provider value={scopedClient(client, () => props.el.id)}>
      <div class="stack">{props.children}</div>
    </ClientContext.Provider>
  );
}
