import { EdgelitApiError } from "../../runner/signals.ts";

const MATERIAL_ICON = /^:material\/[a-z0-9_]+:$/;
// Pictographs, flags (regional indicators) and keycaps such as 1️⃣.
const EMOJI_PART = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/**
 * The icon of a layout block, checked: one emoji ("🔥") or a Material icon
 * (":material/settings:"), as Streamlit takes them. Undefined stays undefined.
 */
export function checkIcon(command: string, icon: unknown): string | undefined {
  if (icon === undefined) return undefined;
  if (typeof icon === "string" && (MATERIAL_ICON.test(icon) || isOneEmoji(icon))) return icon;
  throw new EdgelitApiError(`${command} needs an icon that is one emoji or ":material/icon_name:"; got ${JSON.stringify(icon)}.`);
}

function isOneEmoji(text: string): boolean {
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)];
  return graphemes.length === 1 && EMOJI_PART.test(text);
}
