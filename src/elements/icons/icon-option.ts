import { EdgelitApiError } from "../../errors/api-error.ts";
import { MATERIAL_ICON_NAMES } from "./material-icon-names.ts";

const MATERIAL_ICON = /^:material\/([a-z0-9_]+):$/;
// Pictographs, flags (regional indicators) and keycaps such as 1️⃣.
const EMOJI_PART = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Checks an `icon` option as Streamlit does: one emoji ("🔥"), or a Material
 * Symbols icon written `:material/icon_name:` whose name the font knows.
 * Undefined stays undefined; anything else throws an EdgelitApiError naming
 * the command.
 *
 * @example checkIcon("st.button", ":material/thumb_up:") // ":material/thumb_up:"
 */
export function checkIcon(command: string, icon: unknown): string | undefined {
  if (icon === undefined) return undefined;
  if (typeof icon === "string") {
    const material = MATERIAL_ICON.exec(icon)?.[1];
    if (material === undefined && isOneEmoji(icon)) return icon;
    if (material !== undefined && MATERIAL_ICON_NAMES.has(material)) return icon;
    if (material !== undefined) {
      throw new EdgelitApiError(
        `${command}: ${JSON.stringify(material)} is not a Material Symbols icon name; pick one from https://fonts.google.com/icons, written like ":material/thumb_up:".`,
      );
    }
  }
  throw new EdgelitApiError(
    `${command}: icon must be one emoji or ":material/icon_name:"; got ${JSON.stringify(icon)}.`,
  );
}

/**
 * The `icon` wire prop, checked, to spread into an element's props: `{ icon }`, or nothing.
 *
 * @example target.emit("alert", { level, body, ...iconProp("st.info", options.icon) })
 */
export function iconProp(command: string, icon: unknown): { icon?: string } {
  const checked = checkIcon(command, icon);
  return checked === undefined ? {} : { icon: checked };
}

/** True for text written as a Material icon (`:material/...`), valid or not. */
export function looksLikeMaterialIcon(text: string): boolean {
  return text.startsWith(":material");
}

function isOneEmoji(text: string): boolean {
  return [...graphemes.segment(text)].length === 1 && EMOJI_PART.test(text);
}
