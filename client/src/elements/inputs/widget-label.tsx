import { Show } from "solid-js";
import type { WidgetProps } from "../../../../src/protocol/index.ts";

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
 * optional value readout. `labelVisibility` "hidden" keeps the row's space
 * but shows nothing; "collapsed" removes the row from the layout. Either way
 * the label stays in the page, so it still names the widget.
 */
export function WidgetLabel(props: {
  for?: string;
  id?: string;
  label: string;
  help?: string;
  readout?: string;
  labelVisibility?: WidgetProps["labelVisibility"];
}) {
  return (
    <div class={`widget-label ${labelVisibilityClass(props.labelVisibility)}`}>
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

/**
 * The class that hides a label as `labelVisibility` asks, for the widgets
 * whose label is not a WidgetLabel row (checkbox, toggle, radio).
 */
export function labelVisibilityClass(visibility: WidgetProps["labelVisibility"]): string {
  return visibility === undefined ? "" : `label-${visibility}`;
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
