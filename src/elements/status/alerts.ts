import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import { drawElement, type ElementHandle } from "../core/handle.ts";
import type { AlertLevel, ElementPropsByKind } from "../../protocol/index.ts";
import { checkIcon } from "../icons/icon-option.ts";
import { exceptionProps } from "../../runner/exception-props.ts";

/** Options of the callouts (`error`, `warning`, `info`, `success`). */
export interface AlertOptions {
  /** One emoji, or a Material icon as ":material/icon_name:", before the text. */
  icon?: string;
}

/** Callouts and the exception box. */
export const statusMethods = {
  /** A red callout. @example st.error("Could not load the file") */
  error(this: Drawable, body: string, options?: AlertOptions): ElementHandle {
    return alert(this[TARGET], "error", body, options);
  },
  /** A yellow callout. @example st.warning("Data is a day old") */
  warning(this: Drawable, body: string, options?: AlertOptions): ElementHandle {
    return alert(this[TARGET], "warning", body, options);
  },
  /** A blue callout. @example st.info("Tip: drag the slider", { icon: ":material/lightbulb:" }) */
  info(this: Drawable, body: string, options?: AlertOptions): ElementHandle {
    return alert(this[TARGET], "info", body, options);
  },
  /** A green callout. @example st.success("Saved!") */
  success(this: Drawable, body: string, options?: AlertOptions): ElementHandle {
    return alert(this[TARGET], "success", body, options);
  },
  /** An error with its stack (the stack in development only). @example st.exception(err) */
  exception(this: Drawable, error: unknown): ElementHandle {
    const target = this[TARGET];
    return drawElement(target, "exception", exceptionProps(error, target.run.dev));
  },
};

function alert(
  target: ElementTarget,
  level: AlertLevel,
  body: string,
  options: AlertOptions = {},
): ElementHandle {
  const props: ElementPropsByKind["alert"] = { level, body: String(body) };
  const icon = checkIcon(`st.${level}`, options.icon);
  if (icon !== undefined) props.icon = icon;
  return drawElement(target, "alert", props);
}
