import type { ElementProps } from "../element-props.ts";
import { useForm } from "../forms/form-context.ts";
import { WidgetLabel, inputId } from "./widget-label.tsx";
import { createWidgetValue } from "./widget-value.ts";

/**
 * A number field with − and + buttons (in a form, Enter submits it). The user's text is kept as typed
 * ("1.", "-") until Enter or blur, then parsed, clamped and sent. It is a text
 * input with the spinbutton role because `type=number` reports half-typed
 * numbers as "", which would wipe them on the next render. The step buttons'
 * names leave the label out, so `getByLabel(label)` finds the field alone.
 */
export function NumberInput(props: ElementProps<"numberInput">) {
  const state = createWidgetValue(
    () => props.el,
    () => formatNumber(props.el.value),
    parseNumber,
  );
  const form = useForm();

  const clamp = (value: number) =>
    Math.min(props.el.max ?? Infinity, Math.max(props.el.min ?? -Infinity, value));

  /** The number shown, or null while the field is empty or unreadable. */
  const current = () => {
    const parsed = parseNumber(state.value());
    return parsed === null || Number.isNaN(parsed) ? null : parsed;
  };

  const commitText = (input: HTMLInputElement) => {
    const parsed = parseNumber(input.value);
    // Unreadable text goes back to the server's value.
    state.commit(
      formatNumber(Number.isNaN(parsed) ? props.el.value : parsed === null ? null : clamp(parsed)),
    );
  };

  const stepBy = (direction: 1 | -1) => {
    const base = current() ?? props.el.min ?? 0;
    // Round to the step's decimals so 0.1 + 0.2 shows as 0.3.
    const decimals = (String(props.el.step).split(".")[1] ?? "").length;
    state.commit(formatNumber(Number(clamp(base + direction * props.el.step).toFixed(decimals))));
  };

  return (
    <div class="number-input">
      <WidgetLabel
        for={inputId(props.el.id)}
        label={props.el.label}
        help={props.el.help}
        labelVisibility={props.el.labelVisibility}
      />
      <div class="number-field">
        <input
          type="text"
          role="spinbutton"
          inputMode="decimal"
          id={inputId(props.el.id)}
          class="field"
          value={state.value()}
          aria-valuenow={current() ?? undefined}
          aria-valuemin={props.el.min}
          aria-valuemax={props.el.max}
          placeholder={props.el.placeholder}
          disabled={props.el.disabled}
          onInput={(event) => state.edit(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.isComposing) {
              commitText(event.currentTarget);
              form?.submitOnEnter();
            } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
              event.preventDefault();
              stepBy(event.key === "ArrowUp" ? 1 : -1);
            }
          }}
          onBlur={(event) => commitText(event.currentTarget)}
        />
        <button
          type="button"
          class="step"
          aria-label="Decrease"
          aria-controls={inputId(props.el.id)}
          disabled={
            props.el.disabled ||
            (props.el.min !== undefined && (current() ?? Infinity) <= props.el.min)
          }
          onClick={() => stepBy(-1)}
        >
          −
        </button>
        <button
          type="button"
          class="step"
          aria-label="Increase"
          aria-controls={inputId(props.el.id)}
          disabled={
            props.el.disabled ||
            (props.el.max !== undefined && (current() ?? -Infinity) >= props.el.max)
          }
          onClick={() => stepBy(1)}
        >
          +
        </button>
      </div>
    </div>
  );
}

function formatNumber(value: number | null): string {
  return value === null ? "" : String(value);
}

/** Empty text is null (no value); text that is not a number is NaN. */
function parseNumber(text: string): number | null {
  return text.trim() === "" ? null : Number(text);
}
