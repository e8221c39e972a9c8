import { Show } from "solid-js";

/** A small "?" that shows the widget's help as a tooltip. Kept outside the label so it never joins the accessible name. */
export function Help(props: { text: string | undefined }) {
  return (
    <Show when={props.text}>
      {(text) => (
        <span class="help" tabindex="0" role="img" aria-label={`Help: ${text()}`} title={text()}>
          ?
        </span>
      )}
    </Show>
  );
}

/** The label row above a widget: its label (naming the input `for`), help, and an optional value readout. */
export function WidgetLabel(props: { for: string; label: string; help?: string; readout?: string }) {
  return (
    <div class="widget-label">
      <label for={props.for}>{props.label}</label>
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
