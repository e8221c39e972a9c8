import { createEffect, createSignal, createUniqueId, onCleanup } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Help } from "../inputs/widget-label.tsx";
import { Icon } from "../icon.tsx";

const FOCUSABLE =
  "button, [href], input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";

/**
 * `st.popover`: a button that opens a floating panel with the children.
 * Opening and closing happen in the page only (no request); a click outside,
 * Escape, or focus moving elsewhere closes it. The children are drawn while it
 * is closed too, so widgets inside keep their state like anywhere else.
 */
export function Popover(props: ElementProps<"popover">) {
  const [open, setOpen] = createSignal(false);
  const panelId = createUniqueId();
  let root!: HTMLDivElement;
  let button!: HTMLButtonElement;
  let panel!: HTMLDivElement;

  const close = (options: { returnFocus: boolean }) => {
    setOpen(false);
    if (options.returnFocus) button.focus();
  };
  /**
   * The panel is fixed to the window beside its button, so no scrolling
   * container around the popover clips it. It opens below the button, or
   * above it when only there it fits, and towards the left when it would
   * leave the window on the right.
   */
  const place = () => {
    const anchor = button.getBoundingClientRect();
    const { clientWidth, clientHeight } = document.documentElement;
    panel.style.minWidth = `${anchor.width}px`;
    const [width, height] = [panel.offsetWidth, panel.offsetHeight];
    const fitsBelow = anchor.bottom + 6 + height <= clientHeight - 8;
    const fitsAbove = anchor.top - 6 - height >= 8;
    panel.style.top = `${!fitsBelow && fitsAbove ? anchor.top - 6 - height : anchor.bottom + 6}px`;
    panel.style.left = `${anchor.left + width > clientWidth - 8 ? Math.max(8, anchor.right - width) : anchor.left}px`;
  };
  const show = () => {
    setOpen(true);
    place();
    const first = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
      (element) => !element.matches(":disabled"),
    );
    (first ?? panel).focus();
  };

  createEffect(() => {
    if (!open()) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.contains(event.target as Node)) close({ returnFocus: false });
    };
    // Captured, and marked handled, so a dialog around the popover does not take the same Escape.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      close({ returnFocus: true });
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown, { capture: true });
    // Any scrolling container may move the button: follow it.
    document.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    onCleanup(() => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown, { capture: true });
      document.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
    });
  });
  // A popover the app disables closes.
  createEffect(() => props.el.disabled === true && setOpen(false));

  return (
    <div
      class="popover"
      classList={{ "full-width": props.el.fullWidth === true }}
      ref={root}
      onFocusOut={(event) => {
        // Tabbing out closes it; focus lost to nothing (an element redrawn by a rerun) does not.
        const next = event.relatedTarget as Node | null;
        if (open() && next !== null && !root.contains(next)) close({ returnFocus: false });
      }}
    >
      <div class="button-row">
        <button
          ref={button}
          type="button"
          class="button popover-button"
          aria-haspopup="dialog"
          aria-expanded={open()}
          aria-controls={panelId}
          disabled={props.el.disabled}
          onClick={() => (open() ? close({ returnFocus: false }) : show())}
        >
          <Icon icon={props.el.icon} class="block-icon" />
          <span class="popover-label">{props.el.label}</span>
          <span class="popover-chevron" aria-hidden="true" />
        </button>
        <Help text={props.el.help} />
      </div>
      <div
        ref={panel}
        id={panelId}
        class="popover-panel stack"
        role="dialog"
        aria-label={props.el.label}
        tabIndex={-1}
        hidden={!open()}
      >
        {props.children}
      </div>
    </div>
  );
}
