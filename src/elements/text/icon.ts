import { EdgelitApiError } from "../../runner/signals.ts";

const MATERIAL_ICON = /^:material\/[a-z0-9_]+:$/;

/**
 * Checks an `icon` option as Streamlit does: one emoji (or other single
 * character), or a Material Symbols icon written `:material/icon_name:`.
 */
export function checkIcon(icon: unknown, where: string): string {
  if (typeof icon === "string" && (MATERIAL_ICON.test(icon) || graphemeCount(icon) === 1)) return icon;
  throw new EdgelitApiError(`${where}: icon must be one emoji or ":material/icon_name:"; got ${JSON.stringify(icon)}.`);
}

function graphemeCount(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text.trim())].length;
}
