import { hashString, type WidgetKind } from "../protocol/index.ts";

/**
 * A widget's id, as in Streamlit: its key when it has one, so it keeps its
 * value when its label or options change; otherwise a hash of its kind, label
 * and identifying options, so two identical widgets collide (and are reported).
 */
export function widgetId(
  kind: WidgetKind,
  label: string,
  key: string | undefined,
  identity: unknown[],
): string {
  if (key !== undefined) return `key:${key}`;
  return `${kind}:${hashString(JSON.stringify([kind, label, ...identity]))}`;
}
