import { defineWidget, registerWidget } from "../core/widget-kind.ts";
import { clickCodec } from "./button.ts";
import { TARGET, type Drawable } from "../core/target.ts";
import { mediaSource, type MediaInput } from "../../media/media-source.ts";
import { checkIcon } from "../icons/icon-option.ts";
import { baseProps, type WidgetOptions } from "./common.ts";

/** Options of `downloadButton`. */
export interface DownloadButtonOptions extends Omit<WidgetOptions, "onChange" | "labelVisibility"> {
  /** The name the browser saves the file under. Default "download". */
  fileName?: string;
  /** Default: text/plain for text, else told from the bytes. */
  mime?: string;
  /** Called when the button is clicked, before the app reruns. */
  onClick?: () => unknown;
  type?: "primary" | "secondary" | "tertiary";
  /** One emoji, or a Material icon as ":material/icon_name:", before the label. */
  icon?: string;
}

/** The `st.downloadButton` method; part of `inputMethods`. */
export const downloadButtonMethods = {
  /**
   * A button that downloads data (text, bytes or a Blob); like a button, it is true for the one
   * run its click causes.
   * @example st.downloadButton("Download CSV", csv, { fileName: "data.csv", mime: "text/csv" })
   */
  downloadButton(
    this: Drawable,
    label: string,
    data: string | MediaInput,
    options: DownloadButtonOptions = {},
  ): boolean {
    const target = this[TARGET];
    const fileName = options.fileName ?? "download";
    const variant = options.type ?? "secondary";
    const icon = checkIcon("st.downloadButton", options.icon);
    const isText = typeof data === "string";
    const mime = options.mime ?? (isText ? "text/plain" : undefined);
    const { id, value } = registerWidget(target, downloadButtonKind, {
      label,
      key: options.key,
      identity: [fileName, mime, variant, ...(icon === undefined ? [] : [icon])],
      settings: {},
      defaultValue: false,
      onChange: options.onClick,
    });
    const input = isText ? new TextEncoder().encode(data) : data;
    const src = mediaSource(target.run, input, mime === undefined ? {} : { mime });
    const props = (resolved: string) =>
      baseProps(id, label, options, {
        src: resolved,
        fileName,
        mime: mime ?? "application/octet-stream",
        variant,
        ...(icon !== undefined && { icon }),
      });
    if (typeof src === "string") target.emit("downloadButton", props(src));
    else target.emitLater("downloadButton", src.then(props));
    return value;
  },
};

// --- The kind ---

/** The download button kind: a click, like a button's; forms cannot hold it. */
export const downloadButtonKind = defineWidget("downloadButton", {
  codec: clickCodec,
  trigger: { idleValue: false },
  notInForms: "Put it outside the form.",
});
