import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from "solid-js";
import { optionsMatching, type OfferedOption } from "./option-list.ts";

/** Props of {@link Combobox}. */
interface ComboboxProps {
  /** The text field's id, which the widget's label names. */
  id: string;
  options: readonly string[];
  /** What the field shows while the user is not typing (the chosen label, or ""). */
  shown: string;
  placeholder: string;
  disabled?: boolean;
  /** Options not offered (a multiselect's chosen ones). */
  excluded?: readonly number[];
  /** Shown in the list instead of options when nothing may be picked (a full multiselect). */
  closedReason?: string;
  onPick(index: number): void;
  /** Backspace in an empty field (a multiselect removes its last chip). */
  onBackspaceEmpty?: () => void;
  /** Drawn inside the field's box, before the text (a multiselect's chips). */
  before?: JSX.Element;
}

/**
 * A text field that filters a list of options as the user types, after the
 * ARIA combobox pattern: arrows move through the list, Enter picks, Escape
 * closes it, and a screen reader hears the active option.
 */
export function Combobox(props: ComboboxProps) {
  const listId = createUniqueId();
  const [typed, setTyped] = createSignal<string | null>(null);
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  let input!: HTMLInputElement;
  const offered = createMemo(() =>
    optionsMatching(props.options, typed() ?? "", props.excluded ?? []),
  );
  const optionId = (option: OfferedOption) => `${listId}-${option.index}`;

  const close = () => {
    setOpen(false);
    setTyped(null);
  };
  const pick = (option: OfferedOption | undefined) => {
    if (!option) return;
    close();
    props.onPick(option.index);
  };
  const move = (by: number) => {
    if (!open()) return void setOpen(true);
    const count = offered().length;
    if (count > 0) setActive((active() + by + count) % count);
  };
  const onKeyDown: JSX.EventHandler<HTMLInputElement, KeyboardEvent> = (event) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      Home: () => open() && setActive(0),
      End: () => open() && setActive(Math.max(0, offered().length - 1)),
      Enter: () => open() && pick(offered()[active()]),
      Escape: () => {
        close();
        event.currentTarget.select(); // typing again replaces the choice shown
      },
      Backspace: () => {
        if (event.currentTarget.value === "") props.onBackspaceEmpty?.();
      },
    };
    const action = keys[event.key];
    if (!action) return;
    if (event.key !== "Backspace" && (open() || event.key.startsWith("Arrow")))
      event.preventDefault();
    action();
  };

  return (
    <div class="combobox" classList={{ open: open(), disabled: props.disabled === true }}>
      <div
        class="field combobox-field"
        // A press anywhere in the box (around the chips, on the arrow) goes to the text field.
        onMouseDown={(event) => {
          if (event.target === input || props.disabled) return;
          if ((event.target as Element).closest("button")) return;
          event.preventDefault();
          input.focus();
          setOpen(true);
        }}
      >
        {props.before}
        <input
          ref={input}
          id={props.id}
          type="text"
          role="combobox"
          aria-expanded={open()}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            open() && offered()[active()] ? optionId(offered()[active()]!) : undefined
          }
          autocomplete="off"
          spellcheck={false}
          placeholder={props.placeholder}
          value={typed() ?? props.shown}
          disabled={props.disabled}
          onFocus={(event) => event.currentTarget.select()}
          onMouseDown={(event) => {
            if (open()) return; // a press in the open field places the caret, as usual
            event.preventDefault();
            event.currentTarget.focus();
            event.currentTarget.select(); // typing replaces the choice shown
            setOpen(true);
          }}
          onInput={(event) => {
            setTyped(event.currentTarget.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <svg class="combobox-arrow" viewBox="0 0 24 24" aria-hidden="true">
          <path d="m6 9 6 6 6-6" />
        </svg>
      </div>
      <ul id={listId} role="listbox" class="combobox-list" hidden={!open()}>
        <Show
          when={!props.closedReason && offered().length > 0}
          fallback={<li class="combobox-empty">{props.closedReason ?? "No results"}</li>}
        >
          <For each={offered()}>
            {(option, position) => (
              <li
                id={optionId(option)}
                role="option"
                aria-selected={position() === active()}
                classList={{ active: position() === active() }}
                // Keep the focus in the field: a pick on mousedown happens before its blur.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(option);
                }}
                onMouseMove={() => setActive(position())}
              >
                {option.label}
              </li>
            )}
          </For>
        </Show>
      </ul>
    </div>
  );
}
