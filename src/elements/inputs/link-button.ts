import { TARGET, type Drawable } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";
import { EdgelitApiError } from "../../errors/api-error.ts";
import { iconProp } from "../icons/icon-option.ts";

/** Options of `linkButton`. */
export interface LinkButtonOptions {
  type?: "primary" | "secondary" | "tertiary";
  /** One emoji, or a Material icon as ":material/icon_name:", before the label. */
  icon?: string;
  /** A tooltip next to the button. */
  help?: string;
  /** Draw the button greyed out; it links nowhere. */
  disabled?: boolean;
  /** Stretch the button to the width of its container. */
  useContainerWidth?: boolean;
}

const VARIANTS = new Set(["primary", "secondary", "tertiary"]);

/** The `st.linkButton` method; part of `inputMethods`. */
export const linkButtonMethods = {
  /**
   * A link that looks like a button and opens `url` in a new tab. It sends no event and keeps
   * no state, so it is no widget: it returns its element's handle. Only http(s), mailto:, tel:
   * and relative URLs are accepted.
   * @example st.linkButton("Docs", "https://docs.streamlit.io", { icon: "📖" })
   */
  linkButton(
    this: Drawable,
    label: string,
    url: string | URL,
    options: LinkButtonOptions = {},
  ): ElementHandle {
    const target = this[TARGET];
    const variant = options.type ?? "secondary";
    if (!VARIANTS.has(variant))
      throw new EdgelitApiError(
        `linkButton "${label}": type must be "primary", "secondary" or "tertiary", got ${JSON.stringify(variant)}.`,
      );
    const href = url instanceof URL ? url.href : url;
    const problem = linkUrlProblem(href);
    if (problem) throw new EdgelitApiError(`linkButton "${label}": ${problem}.`);
    return drawElement(target, "linkButton", {
      label: String(label),
      url: href,
      variant,
      ...iconProp("st.linkButton", options.icon),
      ...(options.help !== undefined && { help: options.help }),
      ...(options.disabled && { disabled: true }),
      ...(options.useContainerWidth && { fullWidth: true }),
    });
  },
};

/** Why a link's URL is refused (anything but http(s), mailto:, tel: or a relative URL), or undefined. */
export function linkUrlProblem(url: unknown): string | undefined {
  if (typeof url !== "string" || url.trim() === "")
    return `expected a URL, got ${typeof url === "string" ? JSON.stringify(url) : String(url)}`;
  let scheme: string;
  try {
    // Parsed as a browser parses an href (it drops tabs, newlines and leading spaces), so
    // "java\tscript:" is caught as the javascript: URL it is.
    scheme = new URL(url, "http://relative.invalid/").protocol;
  } catch {
    return `${JSON.stringify(url)} is not a valid URL`;
  }
  if (["http:", "https:", "mailto:", "tel:"].includes(scheme)) return undefined;
  return `only http(s), mailto:, tel: and relative URLs can be opened, not ${scheme} URLs`;
}
