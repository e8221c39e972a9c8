import { For, createEffect, createSignal, on } from "solid-js";
import { render } from "solid-js/web";
import { renderMarkdown } from "../../rich/markdown.ts";
import { Icon } from "../icon.tsx";
import type { ElementProps } from "../element-props.ts";

const TOAST_MS = 4000;

interface ShownToast {
  body: string;
  icon?: string;
}

// Toasts live outside the element tree, so one outlasts the run (and the element) that showed it.
const [toasts, setToasts] = createSignal<ShownToast[]>([]);
let regionMounted = false;

/**
 * `st.toast`: each new `nonce` (one per run that calls it) shows the message
 * once in the page's corner, for a few seconds. The element itself draws nothing.
 */
export function Toast(props: ElementProps<"toast">) {
  createEffect(
    on(
      () => props.el.nonce,
      () => showToast({ body: props.el.body, icon: props.el.icon }),
    ),
  );
  return null;
}

function showToast(toast: ShownToast): void {
  if (!regionMounted) {
    regionMounted = true;
    const region = document.createElement("div");
    document.body.append(region);
    render(() => <ToastRegion />, region);
  }
  setToasts((shown) => [...shown, toast]);
  setTimeout(() => setToasts((shown) => shown.filter((other) => other !== toast)), TOAST_MS);
}

function ToastRegion() {
  return (
    <div class="app-toasts" role="status" aria-live="polite">
      <For each={toasts()}>
        {(toast) => (
          <div class="app-toast">
            <Icon icon={toast.icon} />
            <div class="markdown" innerHTML={renderMarkdown(toast.body)} />
          </div>
        )}
      </For>
    </div>
  );
}
