import { Show, createSignal, createUniqueId, onCleanup, onMount } from "solid-js";
import { Portal } from "solid-js/web";
import { ClientContext, useClient } from "../../runtime/client-context.ts";
import type { ElementProps } from "../element-props.ts";
import { scopedClient } from "./scoped-client.ts";

/** What Tab stops at: an expander's summary and media controls too, or the trap would skip them at its ends. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, audio[controls], video[controls], iframe, [contenteditable="true"], [tabindex]:not([tabindex="-1"])';

/**
 * A dialog: a fragment shown as a modal over the page. Focus stays inside it
 * while it is open and returns where it was when it closes. Its X, Escape or
 * a click outside dismiss it (when dismissible): it closes at once and the
 * server is told, so its reruns do not reopen it.
 */
export function Dialog(props: ElementProps<"dialog">) {
  const client = useClient();
  const titleId = createUniqueId();
  const [dismissed, setDismissed] = createSignal(false);
  const previousFocus =
    document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let panel: HTMLDivElement | undefined;

  const dismiss = () => {
    if (!props.el.dismissible || dismissed()) return;
    setDismissed(true);
    previousFocus?.focus();
    client.queue.dismiss(props.el.id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (dismissed()) return;
    // An Escape already handled (a popover inside closed on it) is not the dialog's.
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      dismiss();
    } else if (event.key === "Tab" && panel) {
      keepFocusIn(panel, event);
    }
  };
  onMount(() => {
    document.addEventListener("keydown", onKeyDown);
    panel?.focus();
  });
  onCleanup(() => {
    document.removeEventListener("keydown", onKeyDown);
    // The panel is already gone when this runs (Solid cleans children first), taking focus to
    // the body with it: focus on the body, or still in the panel, goes back where it was.
    const active = document.activeElement;
    if (!dismissed() && (active === null || active === document.body || panel?.contains(active)))
      previousFocus?.focus();
  });

  return (
    <Show when={!dismissed()}>
      <Portal>
        <div
          class="dialog-backdrop"
          onClick={(event) => event.target === event.currentTarget && dismiss()}
        >
          <div
            ref={panel}
            class={`dialog dialog-${props.el.width}`}
            role="dialog"
            aria-modal="true"
            aria-labelledby={titleId}
            tabindex="-1"
          >
            <header class="dialog-header">
              <h2 id={titleId} class="dialog-title">
                {props.el.title}
              </h2>
              <Show when={props.el.dismissible}>
                <button type="button" class="dialog-close" aria-label="Close" onClick={dismiss}>
                  ×
                </button>
              </Show>
            </header>
            <ClientContext.Provider value={scopedClient(client, () => props.el.id)}>
              <div class="stack">{props.children}</div>
            </ClientContext.Provider>
          </div>
        </div>
      </Portal>
    </Show>
  );
}

/** Tab and Shift+Tab cycle through the dialog's controls, never out of it. */
function keepFocusIn(panel: HTMLElement, event: KeyboardEvent): void {
  // Controls that draw no box (in a closed popover or expander) cannot take focus: the ends are the drawn ones.
  const focusable = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
    panel.focus();
  } else if (!panel.contains(active)) {
    event.preventDefault();
    first.focus();
  } else if (event.shiftKey && (active === first || active === panel)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
