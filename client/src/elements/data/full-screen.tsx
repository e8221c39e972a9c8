import { createEffect, createSignal, onCleanup, type Accessor } from "solid-js";

/** A grid's full-screen state: while on, the grid covers the page; Escape closes it. */
export interface FullScreen {
  on: Accessor<boolean>;
  toggle(): void;
}

/**
 * Full screen for one grid, within the page (no browser full-screen request:
 * it needs no permission and keeps the page's own colours). While it is on,
 * the page does not scroll under the grid, and Escape anywhere closes it.
 * @example const fullScreen = createFullScreen(); <div classList={{ "dataframe-full-screen": fullScreen.on() }} />
 */
export function createFullScreen(): FullScreen {
  const [on, setOn] = createSignal(false);
  createEffect(() => {
    if (!on()) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOn(false);
    };
    const overflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = "hidden";
    document.addEventListener("keydown", closeOnEscape);
    onCleanup(() => {
      document.removeEventListener("keydown", closeOnEscape);
      document.documentElement.style.overflow = overflow;
    });
  });
  return { on, toggle: () => setOn(!on()) };
}

/**
 * The toolbar's full-screen button: four corners out, or in while on.
 * @example <FullScreenButton on={fullScreen.on()} onToggle={fullScreen.toggle} />
 */
export function FullScreenButton(props: { on: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      title={props.on ? "Close full screen (Escape)" : "Full screen"}
      aria-label={props.on ? "Close full screen" : "Full screen"}
      aria-pressed={props.on}
      onClick={() => props.onToggle()}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path
          d={
            props.on
              ? "M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5"
              : "M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"
          }
        />
      </svg>
    </button>
  );
}
