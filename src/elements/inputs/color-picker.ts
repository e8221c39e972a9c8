import { checkedCodec, defineWidget, describe, registerWidget } from "../core/widget-kind.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `colorPicker`. */
export interface ColorPickerOptions extends WidgetOptions {
  /** The colour shown at first, "#rrggbb" or "#rgb" in either case. Default "#000000". */
  value?: string;
}

/** The `st.colorPicker` method; part of `inputMethods`. */
export const colorPickerMethods = {
  /**
   * A colour picker: returns the colour as lowercase "#rrggbb".
   * @example const pen = st.colorPicker("Pen", { value: "#FF4B4B" }); // "#ff4b4b"
   */
  colorPicker(this: Drawable, label: string, options: ColorPickerOptions = {}): string {
    const target = this[TARGET];
    const given = options.value ?? "#000000";
    const defaultValue = toHexColor(given);
    if (defaultValue === undefined)
      throw new EdgelitApiError(
        `colorPicker "${label}": value must be a hex colour like "#ff4b4b" or "#f44", got ${JSON.stringify(given)}.`,
      );
    const { id, value, shown } = registerWidget(target, colorPickerKind, {
      label,
      key: options.key,
      identity: [defaultValue],
      settings: {},
      defaultValue,
      onChange: options.onChange,
    });
    target.emit("colorPicker", baseProps(id, label, options, { value: shown }));
    return value;
  },
};

// --- The kind ---

/** A colour as lowercase "#rrggbb". */
function colorCheck(value: unknown): string | undefined {
  return typeof value === "string" && /^#[0-9a-f]{6}$/.test(value)
    ? undefined
    : `expected a colour as "#rrggbb" (lowercase hex), got ${describe(value)}`;
}

/** "#rgb" or "#rrggbb" in any case as lowercase "#rrggbb"; undefined for anything else. */
export function toHexColor(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short)
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : undefined;
}

/** The colour picker kind: lowercase "#rrggbb"; a colour set through `st.session` in any hex form is kept that way. */
export const colorPickerKind = defineWidget("colorPicker", {
  codec: { ...checkedCodec(colorCheck), normalize: (value: unknown) => toHexColor(value) ?? value },
});
