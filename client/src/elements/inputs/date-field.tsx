import type { JSX } from "solid-js";

/** Props of {@link DateField}. */
interface DateFieldProps {
  /** The text field's id, which the widget's label names. */
  id?: string;
  /** The accessible name, where no label names the field (a range's ends). */
  label?: string;
  /** "YYYY-MM-DD", or null for an empty field. */
  value: string | null;
  /** How the field writes and reads dates: "YYYY/MM/DD", "DD.MM.YYYY", ... */
  format: string;
  min: string;
  max: string;
  disabled?: boolean;
  /** An emptied field is sent as null; otherwise it goes back to the date it held. */
  nullable?: boolean;
  /** A date typed or picked ("YYYY-MM-DD"), or null when a nullable field was emptied. */
  onCommit(value: string | null): void;
  onKeyDown?: (event: KeyboardEvent) => void;
}

/**
 * A date written once, in the app's `format`: a text field to type it in, and
 * a button that opens the browser's own calendar (a hidden native date field
 * holds it). Text that is no date in that format goes back to the value held.
 */
export function DateField(props: DateFieldProps) {
  let text!: HTMLInputElement;
  let calendar!: HTMLInputElement;
  const shown = () => (props.value === null ? "" : formatDate(props.value, props.format));
  const commitText = () => {
    const typed = text.value.trim();
    const parsed = typed === "" ? null : parseDate(typed, props.format);
    if (parsed === null ? props.nullable : parsed !== undefined && parsed !== props.value)
      props.onCommit(parsed ?? null);
    // What the field holds now, in the app's format (a clamped or refused date included).
    text.value = shown();
  };
  const onKeyDown: JSX.EventHandler<HTMLInputElement, KeyboardEvent> = (event) => {
    if (event.key === "Enter") commitText();
    props.onKeyDown?.(event);
  };
  return (
    <div class="date-field">
      <input
        ref={text}
        type="text"
        id={props.id}
        aria-label={props.label}
        class="field"
        inputMode="numeric"
        autocomplete="off"
        placeholder={props.format}
        value={shown()}
        disabled={props.disabled}
        onKeyDown={onKeyDown}
        onChange={commitText}
      />
      <button
        type="button"
        class="date-field-button"
        aria-label="Choose a date"
        title="Choose a date"
        disabled={props.disabled}
        onClick={() => calendar.showPicker()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M7 3v3m10-3v3M4 9h16M5 5h14a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z" />
        </svg>
      </button>
      <input
        ref={calendar}
        type="date"
        class="date-field-calendar"
        tabIndex={-1}
        aria-hidden="true"
        min={props.min}
        max={props.max}
        value={props.value ?? ""}
        disabled={props.disabled}
        onChange={(event) => {
          const picked = event.currentTarget.value;
          if (picked !== "") props.onCommit(picked);
        }}
      />
    </div>
  );
}

/** "2026-11-22" written as `format` says ("DD.MM.YYYY" gives "22.11.2026"). */
export function formatDate(isoDate: string, format: string): string {
  const [year = "", month = "", day = ""] = isoDate.split("-");
  return format.replace("YYYY", year).replace("MM", month).replace("DD", day);
}

/**
 * "22.11.2026" read as `format` says, to "2026-11-22"; undefined when it is no
 * such date. Day and month may have one digit ("2.3.2026"); any of "/", "-"
 * and "." separates them.
 */
export function parseDate(text: string, format: string): string | undefined {
  const order = format.split(/[/.-]/);
  const parts = text.split(/[/.\s-]+/);
  if (parts.length !== 3 || order.length !== 3) return undefined;
  const field = (token: string) => parts[order.indexOf(token)] ?? "";
  const [year, month, day] = [field("YYYY"), field("MM"), field("DD")];
  if (!/^\d{4}$/.test(year) || !/^\d{1,2}$/.test(month) || !/^\d{1,2}$/.test(day)) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day))
    return undefined;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
