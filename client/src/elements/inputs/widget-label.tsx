import { Show } from "solid-js";

/**
 * A small "?" that shows the widget's help as a tooltip; screen readers read
 * the hidden copy. It sits outside the label and has no aria-label, so the
 * help never joins a widget's accessible name.
 */
export function Help(props: { text: string | undefined }) {
  return (
    <Show when={props.text}>
      {(text) => (
        <span class="help" title={text()}>
          <span aria-hidden="true">?</span>
          <span class="visually-hidden">{text()}</span>
        </span>
      )}
    </Show>
  );
}

/**
 * The label row above a widget: its label (naming the input `for`, or, with
 * an `id`, a group that points at it with aria-labelledby), help, and an
 * optional value readout.
 */
export function WidgetLabel(props: { for?: string; id?: string; label: string; help?: string; readout?: string }) {
  return (
    <div class="widget-label">
      <label for={props.for} id={props.id}>
        {props.label}
      </label>
      <Help text={props.help} />
      <Show when={props.readout !== undefined}>
        <output for={props.for} class="readout">
          {props.readout}
        </output>
      </Show>
    </div>
  );
}

/** The DOM id of a widget's input, derived from its widget id. */
export function inputId(widgetId: string): string {
  return `w-${widgetId}`;
}

/** Why the widget refused the user's last action, under the widget. */
export function WidgetError(props: { message: string | undefined }) {
  return (
    <Show when={props.message}>
      <p class="widget-error" role="alert">
        {props.message}
      </p>
    </Show>
  );
}
