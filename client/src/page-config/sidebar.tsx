import { createEffect, createMemo, createSignal, onCleanup, Show, type JSX } from "solid-js";
import { NARROW_SCREEN_PX, type SidebarState } from "../../../src/protocol/index.ts";
import { initialSidebarState } from "./page-config.ts";

/**
 * The sidebar, collapsible as in Streamlit: a button closes it, another
 * (top left) opens it again. It starts as the page config says ("auto":
 * open on wide screens, closed below 768 px). On a narrow screen it opens
 * over the page, and a click beside it, Escape or a page link closes it.
 */
export function Sidebar(props: { children: JSX.Element }) {
  const narrowQuery = matchMedia(`(max-width: ${NARROW_SCREEN_PX}px)`);
  const [narrow, setNarrow] = createSignal(narrowQuery.matches);
  const onWidth = () => setNarrow(narrowQuery.matches);
  narrowQuery.addEventListener("change", onWidth);
  onCleanup(() => narrowQuery.removeEventListener("change", onWidth));

  const startsOpen = (state: SidebarState, small: boolean) =>
    state === "expanded" || (state === "auto" && !small);
  // A memo, so a page config that changes something else leaves the user's choice alone.
  const firstState = createMemo(initialSidebarState);
  const [open, setOpen] = createSignal(startsOpen(firstState(), narrow()));
  // A new first state (the page's or the script's) or crossing 768 px starts the sidebar over.
  // Not deferred: the shown page's state often arrives while the sidebar first renders (its menu sets it).
  createEffect(() => setOpen(startsOpen(firstState(), narrow())));
  let openButton: HTMLButtonElement | undefined;
  let closeButton: HTMLButtonElement | undefined;
  const toggle = (next: boolean) => {
    setOpen(next);
    (next ? closeButton : openButton)?.focus();
  };
  const closeOverlay = () => narrow() && open() && toggle(false);
  const onKey = (event: KeyboardEvent) => event.key === "Escape" && closeOverlay();
  document.addEventListener("keydown", onKey);
  onCleanup(() => document.removeEventListener("keydown", onKey));

  return (
    <>
      <button
        ref={openButton}
        type="button"
        class="sidebar-toggle"
        hidden={open()}
        aria-label="Open sidebar"
        aria-controls="edgelit-sidebar"
        aria-expanded="false"
        onClick={() => toggle(true)}
      >
        »
      </button>
      <aside
        id="edgelit-sidebar"
        class="sidebar"
        hidden={!open()}
        aria-label="Sidebar"
        onClick={(event) => (event.target as Element).closest?.("a[href]") && closeOverlay()}
      >
        <button
          ref={closeButton}
          type="button"
          class="sidebar-close"
          aria-label="Close sidebar"
          aria-controls="edgelit-sidebar"
          aria-expanded="true"
          onClick={() => toggle(false)}
        >
          «
        </button>
        {props.children}
      </aside>
      <Show when={open() && narrow()}>
        <div class="sidebar-backdrop" onClick={closeOverlay} />
      </Show>
    </>
  );
}
