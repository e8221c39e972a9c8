import { For, onMount, Show } from "solid-js";
import type { EditRules } from "../../../../src/protocol/index.ts";

/** Where the focus goes after a commit: the cell below (Enter), to the right (Tab), or stays. */
export type CommitMove = "down" | "right" | "stay";

/** What the input over an edited cell needs. */
export interface CellInputProps {
  rules: EditRules;
  /** The column's header text, to name the input. */
  label: string;
  /** The text it starts with (the cell's value, or the key typed to start editing). */
  initial: string;
  /** Why the last commit was not taken (a number column given text, say). */
  problem: string | undefined;
  /** Its place over the cell, in pixels within the grid's body. */
  box: { top: number; left: number; width: number; height: number };
  /** Takes the text; false when it is no value of the column (the input stays open, showing why). */
  onCommit(text: string, move: CommitMove): boolean;
  onCancel(): void;
}

const INPUT_TYPES: Partial<Record<EditRules["kind"], string>> = {
  date: "date",
  time: "time",
  datetime: "datetime-local",
};

/**
 * The input over a cell being edited: a select for a selectbox column, a
 * date, time or datetime input for those, a text input otherwise. Enter
 * commits and moves down, Tab commits and moves right, Escape cancels;
 * leaving it commits.
 * @example <CellInput rules={{ kind: "number" }} label="Price" initial="3" problem={undefined} box={box} onCommit={save} onCancel={stop} />
 */
export function CellInput(props: CellInputProps) {
  let field: HTMLInputElement | HTMLSelectElement | undefined;
  let done = false;
  const finish = (move: CommitMove | "cancel") => {
    if (done || !field) return;
    done = true;
    if (move === "cancel") return props.onCancel();
    if (props.onCommit(field.value, move)) return;
    // Refused: Enter and Tab keep the input open to fix it; leaving it drops the edit.
    if (move === "stay") props.onCancel();
    else done = false;
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // The grid's own keys (arrows, Space) stay in the input while it is open.
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      finish("down");
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish("right");
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish("cancel");
    }
  };
  onMount(() => {
    field?.focus();
    if (field instanceof HTMLInputElement && field.type === "text") {
      const end = field.value.length;
      field.setSelectionRange(end, end);
    }
  });
  const style = () => ({
    top: `${props.box.top}px`,
    left: `${props.box.left}px`,
    width: `${props.box.width}px`,
    height: `${props.box.height}px`,
  });
  return (
    <div class="editor-cell-input" style={style()}>
      <Show
        when={props.rules.kind === "selectbox"}
        fallback={
          <input
            ref={(element) => (field = element)}
            type={INPUT_TYPES[props.rules.kind] ?? "text"}
            inputMode={
              props.rules.kind === "number" || props.rules.kind === "integer"
                ? "decimal"
                : undefined
            }
            step={props.rules.kind === "time" || props.rules.kind === "datetime" ? 1 : undefined}
            maxLength={props.rules.maxChars}
            aria-label={`Edit ${props.label}`}
            aria-invalid={props.problem !== undefined}
            value={props.initial}
            onKeyDown={onKeyDown}
            onBlur={() => finish("stay")}
          />
        }
      >
        <select
          ref={(element) => (field = element)}
          aria-label={`Edit ${props.label}`}
          value={props.initial}
          onKeyDown={onKeyDown}
          onBlur={() => finish("stay")}
        >
          <Show when={!props.rules.required || props.initial === ""}>
            <option value="">—</option>
          </Show>
          <For each={props.rules.options ?? []}>
            {(option) => <option value={option}>{option}</option>}
          </For>
        </select>
      </Show>
      <Show when={props.problem}>
        <p class="editor-cell-problem" role="alert">
          {props.problem}
        </p>
      </Show>
    </div>
  );
}
