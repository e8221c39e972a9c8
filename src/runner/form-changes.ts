import type { WidgetChange } from "../protocol/index.ts";
import type { SessionRecord } from "../session/record.ts";

/**
 * The server does not trust the page to hold form values back: a value for a
 * widget in a form is accepted only in an event that also clicks one of that
 * form's submit buttons; otherwise it is refused. Submit clicks go last, so
 * the callbacks of the form's widgets run before the button's `onClick`, as in
 * Streamlit.
 */
export function gateFormChanges(
  record: SessionRecord,
  changes: readonly WidgetChange[],
): { accepted: WidgetChange[]; refused: { widgetId: string; message: string }[] } {
  const isSubmit = (change: WidgetChange) =>
    record.widgets[change.id]?.kind === "formSubmitButton" && change.value === true;
  const submitted = new Set(
    changes.filter(isSubmit).map((change) => record.widgets[change.id]!.form),
  );
  const accepted: WidgetChange[] = [];
  const refused: { widgetId: string; message: string }[] = [];
  for (const change of changes) {
    const widget = record.widgets[change.id];
    if (
      widget?.form === undefined ||
      widget.kind === "formSubmitButton" ||
      submitted.has(widget.form)
    )
      accepted.push(change);
    else
      refused.push({
        widgetId: change.id,
        message: `This widget is in the form "${widget.form}": its value is sent with the form's submit button; it was ignored.`,
      });
  }
  return {
    accepted: [...accepted.filter((change) => !isSubmit(change)), ...accepted.filter(isSubmit)],
    refused,
  };
}
