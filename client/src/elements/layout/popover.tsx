import { createEffect, createSignal, createUniqueId, onCleanup } from "solid-js";
import type { ElementProps } from "../element-props.ts";
import { Help } from "../inputs/widget-label.tsx";
import { Icon } from "../icon.tsx";

const FOCUSABLE = "button, [href], input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";

/**
 * `st.popover`: a button that opens a floating panel with the children.
 * Opening and closing happen in the page only (no request); a click outside,
 * Escape, or focus moving elsewhere closes it. The children are drawn while it
 * is closed too, so widgets inside keep their state like anywhere else.
 */
export function Popover(props: ElementProps<"popover">) {
  const [open, setOpen] = createSignal(false);
  const [alignEnd, setAlignEnd] = createSignal(false);
  const panelId = createUniqueId();
  let root!: HTMLDivElement;
  let button!: HTMLButtonElement;
  let panel!: HTMLDivElement;

  const close = (options: { returnFocus: boolean }) => {
    setOpen(false);
    if (options.returnFocus) button.focus();
  };
  const show = () => {
    setOpen(true);
    // Open towards the left when the panel would leave the window on the right.
    setAlignEnd(false);
    setAlignEnd(panel.getBoundingClientRect().right > document.documentElement.clientWidth);
    const first = [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].find((element) => !element.matches(":disabled"));
    (first ?? panel).focus();
  };

  createEffect(() => {
    if (!open()) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.contains(event.target as Node)) close({ returnFocus: false });
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") close({ returnFocus: true });
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    onCleanup(() => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
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
        classList={{ "align-end": alignEnd() }}
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
