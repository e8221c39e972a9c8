import type { ElementTarget } from "../../app/target.ts";
import type { AlertLevel, ElementPropsByKind } from "../../protocol/index.ts";

/** Options of the callouts (`error`, `warning`, `info`, `success`). */
export interface AlertOptions {
  /** An emoji shown before the text. */
  icon?: string;
}

/** Callouts and the exception box. */
export function statusMethods(target: ElementTarget) {
  const alert = (level: AlertLevel) => (body: string, options: AlertOptions = {}) => {
    target.emit("alert", { level, body: String(body), ...(options.icon !== undefined && { icon: options.icon }) });
  };
  return {
    /** A red callout. @example st.error("Could not load the file") */
    error: alert("error"),
    /** A yellow callout. @example st.warning("Data is a day old") */
    warning: alert("warning"),
    /** A blue callout. @example st.info("Tip: drag the slider") */
    info: alert("info"),
    /** A green callout. @example st.success("Saved!") */
    success: alert("success"),
    /** An error with its stack (the stack in development only). @example st.exception(err) */
    exception(error: unknown): void {
      target.emit("exception", exceptionProps(error, target.run.dev));
    },
  };
}

/** The props of an exception box for any thrown value. */
export function exceptionProps(error: unknown, withStack: boolean): ElementPropsByKind["exception"] {
  if (error instanceof Error) {
    return {
      name: error.name,
      message: error.message,
      ...(withStack && error.stack !== undefined && { stack: error.stack }),
    };
  }
  return { name: "Error", message: String(error) };
}
