import { TARGET, type Drawable, type ElementTarget } from "../core/target.ts";
import type { AlertLevel } from "../../protocol/index.ts";
import { iconProp } from "../icons/icon-option.ts";
import { exceptionProps } from "../../runner/exception-props.ts";

/** Options of the callouts (`error`, `warning`, `info`, `success`). */
export interface AlertOptions {
  /** One emoji, or a Material icon as ":material/icon_name:", before the text. */
  icon?: string;
}

/** Callouts and the exception box. */
export const statusMethods = {
  /** A red callout. @example st.error("Could not load the file") */
  error(this: Drawable, body: string, options?: AlertOptions): void {
    alert(this[TARGET], "error", body, options);
  },
  /** A yellow callout. @example st.warning("Data is a day old") */
  warning(this: Drawable, body: string, options?: AlertOptions): void {
    alert(this[TARGET], "warning", body, options);
  },
  /** A blue callout. @example st.info("Tip: drag the slider", { icon: ":material/lightbulb:" }) */
  info(this: Drawable, body: string, options?: AlertOptions): void {
    alert(this[TARGET], "info", body, options);
  },
  /** A green callout. @example st.success("Saved!") */
  success(this: Drawable, body: string, options?: AlertOptions): void {
    alert(this[TARGET], "success", body, options);
  },
  /** An error with its stack (the stack in development only). @example st.exception(err) */
  exception(this: Drawable, error: unknown): void {
    const target = this[TARGET];
    target.emit("exception", exceptionProps(error, target.run.dev));
  },
};

function alert(target: ElementTarget, level: AlertLevel, body: string, options: AlertOptions = {}): void {
  target.emit("alert", { level, body: String(body), ...iconProp(`st.${level}`, options.icon) });
}
