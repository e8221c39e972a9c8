import type { WidgetChange } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";
import { gateFormChanges } from "./form-changes.ts";
import { sameValue, type WidgetRuleTable } from "./widget-rules.ts";

/** What applying an event's widget changes did. */
export interface AppliedChanges {
  /** Trigger widgets fired (a button's click: true; a chat message: its text), for the coming run only. */
  triggers: Map<string, unknown>;
  /** Widgets whose value changed or that were clicked, in the order of the event. */
  changed: string[];
  refused: { widgetId: string; message: string }[];
}

/**
 * Applies the client's widget values to the record before the rerun, checking
 * each against what the widget accepted in the last run. A refused value
 * changes nothing and is reported to the client, as is a form widget's value
 * sent without its form's submit (see gateFormChanges).
 */
export function applyChanges(
  record: SessionRecord,
  changes: readonly WidgetChange[],
  rules: WidgetRuleTable,
): AppliedChanges {
  const gated = gateFormChanges(record, changes);
  const applied: AppliedChanges = { triggers: new Map(), changed: [], refused: gated.refused };
  for (const { id, value } of gated.accepted) {
    // Own entries only: an id such as "__proto__" or "constructor" names no widget.
    const widget = Object.hasOwn(record.widgets, id) ? record.widgets[id] : undefined;
    if (!widget) {
      applied.refused.push({
        widgetId: id,
        message: "That widget is not on the page any more; its value was ignored.",
      });
      continue;
    }
    const { codec, trigger } = rules[widget.kind];
    const decoded = codec.fromClient(value, widget.spec);
    if (!decoded.ok) {
      applied.refused.push({
        widgetId: id,
        message: `Refused a value for this ${widget.kind}: ${decoded.reason}.`,
      });
      continue;
    }
    if (trigger) {
      applied.triggers.set(id, decoded.value);
      applied.changed.push(id);
    } else if (!sameValue(widget.value, decoded.value)) {
      widget.value = decoded.value;
      applied.changed.push(id);
    }
  }
  return applied;
}
