import type { ElementTarget } from "../../app/target.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { baseProps, type WidgetOptions } from "./common.ts";
import { toHexColor } from "./picker-codecs.ts";

/** Options of `colorPicker`. */
export interface ColorPickerOptions extends WidgetOptions {
  /** The colour shown at first, "#rrggbb" or "#rgb" in either case. Default "#000000". */
  value?: string;
}

/**
 * A colour picker that returns the colour as lowercase "#rrggbb".
 * @example const color = st.colorPicker("Pen", { value: "#FF4B4B" }); // "#ff4b4b"
 */
export function colorPicker(target: ElementTarget, label: string, options: ColorPickerOptions = {}): string {
  const given = options.value ?? "#000000";
  const defaultValue = toHexColor(given);
  if (defaultValue === undefined) throw new EdgelitApiError(`colorPicker "${label}": value must be a hex colour like "#ff4b4b" or "#f44", got ${JSON.stringify(given)}.`);
  const { id, value, shown } = target.run.widget<string>({
    kind: "colorPicker",
    label,
    key: options.key,
    identity: [defaultValue],
    spec: {},
    defaultValue,
    onChange: options.onChange,
    at: target.path,
  });
  target.emit("colorPicker", baseProps(id, label, options, { value: shown }));
  return value;
}
